import { createHash } from 'node:crypto';
import type { AccessRecord } from '../../platform/audit/record.js';

/** The prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a chain entry must carry to be checked (an AccessEntry row fits). */
export interface ChainEntry extends AccessRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

// the compiler checks that every field of the contract is hashed
const RECORD_FIELDS: Record<keyof AccessRecord, true> = {
  id: true,
  department: true,
  at: true,
  requestId: true,
  clientName: true,
  callerRole: true,
  callerSubject: true,
  callerDepartment: true,
  purpose: true,
  subjectKind: true,
  subjectId: true,
  fields: true,
  categories: true,
  withheld: true,
};
const SORTED_FIELDS = (Object.keys(RECORD_FIELDS) as (keyof AccessRecord)[]).sort();
const KEY_PREFIXES = SORTED_FIELDS.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);

/**
 * Canonical JSON: object keys sorted (JavaScript's default order, by UTF-16
 * code unit, which for ASCII keys is byte order), no whitespace, arrays in
 * their order, strings escaped as JSON.stringify does. The same value always
 * gives the same text, in any language that follows these rules.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  if (value === undefined) throw new TypeError('undefined has no JSON form');
  return JSON.stringify(value);
}

/** Only the contract's fields of a record or entry (what is hashed and exported). */
export function recordOf(entry: AccessRecord): AccessRecord {
  const record = {} as Record<string, unknown>;
  for (const key of SORTED_FIELDS) record[key] = entry[key];
  return record as unknown as AccessRecord;
}

/** canonicalJson(recordOf(record)), without the intermediate object: the verifier's hot path. */
export function canonicalRecord(record: AccessRecord): string {
  let text = '';
  for (let i = 0; i < SORTED_FIELDS.length; i++) text += KEY_PREFIXES[i] + JSON.stringify(record[SORTED_FIELDS[i]!]);
  return `${text}}`;
}

/** hash = sha256(prevHash + canonical JSON of the record + seq in decimal), hex. */
export function entryHash(prevHash: string, record: AccessRecord, seq: number): string {
  return createHash('sha256').update(prevHash).update(canonicalRecord(record)).update(String(seq)).digest('hex');
}

/** Chains records after `head`: consecutive seqs, each linked to the previous hash. */
export function chainRecords(records: readonly AccessRecord[], head: { seq: number; hash: string }): ChainEntry[] {
  let { seq, hash } = head;
  return records.map((record) => {
    seq += 1;
    const entry = { ...recordOf(record), seq, prevHash: hash, hash: entryHash(hash, record, seq) };
    hash = entry.hash;
    return entry;
  });
}

export type ChainProblem = 'changed' | 'removed' | 'reordered';

export interface ChainBreak {
  /** position of the first bad entry; for a removed one, the first missing position */
  seq: number;
  /** its record id, or null when the entry itself is gone */
  id: string | null;
  problem: ChainProblem;
  detail: string;
}

export type ChainResult = { ok: true; entries: number } | { ok: false; entries: number; firstBad: ChainBreak };

/** A (seq, hash) pair noted earlier (the head, or one an auditor published): the chain must still pass through it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  anchors?: readonly ChainAnchor[];
  /** how far around a break to look when telling a reorder from an edit (entries, default 10,000) */
  window?: number;
}

/**
 * Checks a chain entry by entry, in the order given (which should be sequence
 * order): seqs 1, 2, 3… without gaps, each prevHash the previous hash, each hash
 * re-computed from its content. Streams: memory stays flat at any length (a
 * bounded window of recent hashes helps name the problem). The first break is
 * classified as
 * - changed: the hash does not match the content (or an anchored hash);
 * - removed: a sequence gap, a truncated end, or a prevHash that matches no
 *   entry nearby (its predecessor was removed or replaced);
 * - reordered: seqs out of order, an entry whose hash fits another position,
 *   or a prevHash that is the hash of another nearby entry.
 * Reorders farther apart than the window are reported as changed.
 */
export async function verifyChain(entries: Iterable<ChainEntry> | AsyncIterable<ChainEntry>, options: VerifyOptions = {}): Promise<ChainResult> {
  const window = options.window ?? 10_000;
  const anchors = new Map((options.anchors ?? []).filter((a) => a.seq > 0).map((a) => [a.seq, a.hash]));
  const recent = new RecentHashes(Math.max(1, window));
  const iterator = iterate(entries);
  let prev: { seq: number; hash: string; id: string | null } = { seq: 0, hash: GENESIS_HASH, id: null };
  let count = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const entry = next.value;
    if (entry.seq !== prev.seq + 1 || entry.prevHash !== prev.hash || entryHash(entry.prevHash, entry, entry.seq) !== entry.hash) {
      const ahead = await lookAhead(iterator, window);
      return { ok: false, entries: count, firstBad: classify(entry, prev, recent, ahead, window) };
    }
    const anchored = anchors.get(entry.seq);
    if (anchored !== undefined && anchored !== entry.hash) {
      return { ok: false, entries: count, firstBad: bad(entry, 'changed', `its hash ${entry.hash} differs from the anchored hash ${anchored}: the chain was rewritten up to here`) };
    }
    recent.add(entry.hash, entry.seq);
    prev = entry;
    count += 1;
  }
  const unreached = [...anchors.keys()].filter((seq) => seq > prev.seq).sort((a, b) => a - b)[0];
  if (unreached !== undefined) {
    return { ok: false, entries: count, firstBad: { seq: prev.seq + 1, id: null, problem: 'removed', detail: `the chain ends at ${prev.seq} but was anchored at ${unreached}: entries ${prev.seq + 1}–${unreached} are missing` } };
  }
  return { ok: true, entries: count };
}

function classify(entry: ChainEntry, prev: { seq: number; hash: string }, recent: RecentHashes, ahead: ChainEntry[], window: number): ChainBreak {
  const expected = prev.seq + 1;
  if (entry.seq < expected) return bad(entry, 'reordered', `sequence number ${entry.seq} comes after ${prev.seq}`);
  if (entryHash(entry.prevHash, entry, entry.seq) !== entry.hash) {
    const fits = positionThatFits(entry, window);
    if (fits !== null) return bad(entry, 'reordered', `its content was chained at position ${fits}, not ${entry.seq}`);
    return bad(entry, 'changed', 'its hash does not match its content');
  }
  if (entry.seq > expected) {
    const early = ahead.find((a) => a.seq < entry.seq);
    if (early) return bad(entry, 'reordered', `entry ${early.seq} comes after it`);
    const missing = entry.seq - 1 === expected ? `entry ${expected} is` : `entries ${expected}–${entry.seq - 1} are`;
    return { seq: expected, id: null, problem: 'removed', detail: `${missing} missing; the chain resumes at ${entry.seq} (${entry.id})` };
  }
  const other = recent.get(entry.prevHash) ?? ahead.find((a) => a.hash === entry.prevHash)?.seq;
  if (other !== undefined) return bad(entry, 'reordered', `its prevHash is the hash of entry ${other}, not of entry ${prev.seq}`);
  return bad(entry, 'removed', `its prevHash does not match the hash of entry ${prev.seq}: the entry it followed was removed or replaced`);
}

/** The other position whose seq makes the entry's hash match, if one is near (its content is intact but moved). */
function positionThatFits(entry: ChainEntry, window: number): number | null {
  const canonical = canonicalRecord(entry);
  for (let distance = 1; distance <= window; distance++) {
    for (const seq of [entry.seq - distance, entry.seq + distance]) {
      if (seq < 1) continue;
      if (createHash('sha256').update(entry.prevHash).update(canonical).update(String(seq)).digest('hex') === entry.hash) return seq;
    }
  }
  return null;
}

function bad(entry: ChainEntry, problem: ChainProblem, detail: string): ChainBreak {
  return { seq: entry.seq, id: entry.id, problem, detail };
}

async function lookAhead(iterator: AsyncIterator<ChainEntry> | Iterator<ChainEntry>, window: number): Promise<ChainEntry[]> {
  const ahead: ChainEntry[] = [];
  for (let next = await iterator.next(); !next.done && ahead.length < window; next = await iterator.next()) ahead.push(next.value);
  return ahead;
}

function iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/** The last `size` hashes seen, with their seqs: bounded memory however long the chain, searched only at a break. */
class RecentHashes {
  private readonly hashes: string[] = [];
  private readonly seqs: number[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  add(hash: string, seq: number): void {
    this.hashes[this.next] = hash;
    this.seqs[this.next] = seq;
    this.next = (this.next + 1) % this.size;
  }

  get(hash: string): number | undefined {
    const at = this.hashes.indexOf(hash);
    return at < 0 ? undefined : this.seqs[at];
  }
}
