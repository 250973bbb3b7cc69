import { accessRecords, noteAccess } from '../../platform/audit/collector.js';
import type { Context } from './context.js';
import type { AccessEntry } from './entities.js';
import { appendRecords } from './log.js';

/**
 * Reads of the log are personal reads too (whose data was read, by whom, why): they are appended to
 * the log itself before the answer leaves, and if they cannot be, nothing is served. The audit
 * department writes its own records in place, since it is where deliveries go. A read of entries
 * that are all withheld from their subject is withheld too: the subject's tracker must not hint at
 * what is kept from them.
 */
export async function recordLogRead(context: Context, coordinate: string, entries: readonly Pick<AccessEntry, 'subjectId' | 'withheld'>[]): Promise<void> {
  const shown = new Set(entries.filter((e) => !e.withheld).map((e) => e.subjectId));
  noteAccess(context, [...new Set(entries.map((e) => e.subjectId))], coordinate, 'IDENTITY_NUMBER');
  const records = accessRecords(context, 'audit').map((r) => (shown.has(r.subjectId) ? r : { ...r, withheld: true }));
  if (records.length) await appendRecords(context.em.fork(), records);
}
