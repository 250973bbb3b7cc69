import { hash } from 'node:crypto';
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
  instance: true,
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
  agent: true,
  mandate: true,
  withheldBy: true,
  withheldUntil: true,
};
/**
 * Fields added to the contract later are hashed only when they hold a value: entries
 * chained before they existed keep their hash, and a value set, changed or removed
 * afterwards still breaks the chain.
 */
const LATER_FIELDS: ReadonlySet<keyof AccessRecord> = new Set(['agent', 'mandate', 'withheldBy', 'withheldUntil', 'instance']);
const SORTED_FIELDS = (Object.keys(RECORD_FIELDS) as (keyof AccessRecord)[]).sort();
const KEY_PREFIXES = SORTED_FIELDS.map((key) => `${JSON.stringify(key)}:`);
const present = (record: AccessRecord, key: keyof AccessRecord) => !LATER_FIELDS.has(key) || (record[key] !== null && record[key] !== undefined);

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
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  if (value === undefined) throw new TypeError('undefined has no JSON form');
  return JSON.stringify(value);
}

/** Only the contract's fields of a record or entry (what is hashed and exported). */
export function recordOf(entry: AccessRecord): AccessRecord {
  const record = {} as Record<string, unknown>;
  for (const key of SORTED_FIELDS) if (present(entry, key)) record[key] = entry[key];
  return record as unknown as AccessRecord;
}

/** canonicalJson(recordOf(record)), without the intermediate object: the verifier's hot path. */
export function canonicalRecord(record: AccessRecord): string {
  // a later field may sort first ('agent') and be absent: a comma goes before every key but the first written
  let text = '';
  for (let i = 0; i < SORTED_FIELDS.length; i++) {
    const key = SORTED_FIELDS[i]!;
    if (present(record, key)) text += (text ? ',' : '') + KEY_PREFIXES[i] + JSON.stringify(record[key]);
  }
  return `{${text}}`;
}

// one-shot hashing is about three times faster than a Hash object per entry
export const sha256 = (text: string): string => hash('sha256', text);

/** hash = sha256(prevHash + canonical JSON of the record + seq in decimal), hex. */
export function entryHash(prevHash: string, record: AccessRecord, seq: number): string {
  return sha256(prevHash + canonicalRecord(record) + seq);
}

/** Chains records after `head`: consecutive seqs, each linked to the previous hash. */
export function chainRecords(records: readonly AccessRecord[], head: { seq: number; hash: string }): ChainEntry[] {
  let { seq, hash } = head;
  return records.map((record) => {
    seq += 1;
    // every row carries the optional fields (null when unset), so a batch inserts one shape of row
    const entry = {
      ...recordOf(record),
      agent: record.agent ?? null,
      mandate: record.mandate ?? null,
      instance: record.instance ?? null,
      seq,
      prevHash: hash,
      hash: entryHash(hash, record, seq),
    };
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
