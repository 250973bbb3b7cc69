import type { Context } from './context.js';
import type { AccessEntry } from './entities.js';
import { appendRecords } from './log.js';

type Read = Pick<AccessEntry, 'subjectId' | 'withheld' | 'withheldBy' | 'withheldUntil'>;

/**
 * Reads of the log are personal reads too (whose data was read, by whom, why): they are appended to
 * the log itself before the answer leaves, and if they cannot be, nothing is served. The audit
 * department writes its own records in place, since it is where deliveries go. A read of entries
 * that are all withheld from their subject is withheld as long as they are: the subject's tracker
 * must not hint at what is kept from them.
 */
export async function recordLogRead(context: Context, coordinate: string, entries: readonly Read[]): Promise<void> {
  const hidden = new Map<string, Read | null>();
  for (const entry of entries) {
    const before = hidden.get(entry.subjectId);
    if (before === null) continue;
    // a subject with one visible entry read: the read is visible; else withheld as long as the longest
    if (!entry.withheld || !entry.withheldUntil) hidden.set(entry.subjectId, null);
    else if (!before || entry.withheldUntil > before.withheldUntil!) hidden.set(entry.subjectId, entry);
  }
  context.reads.note([...hidden.keys()], coordinate, 'IDENTITY_NUMBER');
  const records = context.reads.records(context, { department: 'audit' }).map((r) => {
    const withheld = hidden.get(r.subjectId);
    return withheld ? { ...r, withheld: true, withheldBy: withheld.withheldBy ?? null, withheldUntil: withheld.withheldUntil ?? null } : r;
  });
  if (records.length) await appendRecords(context.em.fork(), records);
}
