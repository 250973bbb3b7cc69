import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { kysely } from '../../platform/kysely.js';
import type { AccessRecord } from '../../platform/audit/record.js';
import { insertRows } from '../../platform/insert-rows.js';
import { chainRecords, GENESIS_HASH, type ChainAnchor, type ChainEntry, type ChainResult } from './chain.js';
import { verifyChain } from './verify-chain.js';
import { AccessEntryEntity, ChainHeadEntity, HEAD_ID, type AccessEntry } from './entities.js';

/** Ids per look-up of those already logged: well under the bound-value ceiling (platform/insert-rows.ts). */
const LOOKUP_CHUNK = 1_000;
/**
 * Entries the verifier reads per query, in seq order. Small enough that each
 * batch dies young (measured on SQLite: 2,000 rows per query spent about half
 * the CPU time of 10,000, mostly garbage collection), large enough that the
 * query count stays low (500 per million).
 */
export const READ_BATCH = 2_000;

/**
 * The head row exists before the first append, so the very first appends already have a row to lock.
 * Run each time the log opens (Department.prepare): it writes the genesis head once, and never moves one.
 */
export async function ensureChainHead(em: EntityManager): Promise<void> {
  await (em as SqlEntityManager).createQueryBuilder(ChainHeadEntity).insert({ id: HEAD_ID, seq: 0, hash: GENESIS_HASH }).onConflict('id').ignore().execute();
}

export interface AppendResult {
  accepted: number;
  duplicates: number;
}

/**
 * Appends the records whose id the log does not hold yet, chained after the
 * head, in one transaction. The head row is locked first (SELECT … FOR UPDATE on
 * PostgreSQL; SQLite has a single writer anyway), so concurrent deliveries take
 * turns and each reads the head the previous one wrote: the chain never forks.
 * A retried delivery is answered with duplicates, never stored twice (the id
 * is also a unique index).
 */
export async function appendRecords(em: EntityManager, records: readonly AccessRecord[]): Promise<AppendResult> {
  return em.transactional(async (tx) => {
    const head = await lockHead(tx);
    const known = await knownIds(
      tx,
      records.map((r) => r.id),
    );
    const fresh: AccessRecord[] = [];
    for (const record of records) {
      if (known.has(record.id)) continue;
      known.add(record.id); // the same id twice in one batch counts once
      fresh.push(record);
    }
    const entries = chainRecords(fresh, head);
    // one multi-row INSERT needs every row to name every column: fields added later are null when absent
    const rows = entries.map((e) => ({ agent: null, mandate: null, withheldBy: null, withheldUntil: null, instance: null, ...e }));
    await insertRows(tx, AccessEntryEntity, rows);
    const last = entries.at(-1);
    if (last) await tx.nativeUpdate(ChainHeadEntity, { id: HEAD_ID }, { seq: last.seq, hash: last.hash });
    return { accepted: entries.length, duplicates: records.length - entries.length };
  });
}

async function lockHead(tx: EntityManager): Promise<ChainAnchor> {
  const row = await (tx as SqlEntityManager)
    .createQueryBuilder(ChainHeadEntity)
    .select(['seq', 'hash'])
    .where({ id: HEAD_ID })
    .setLockMode(LockMode.PESSIMISTIC_WRITE)
    .execute('get', false);
  if (!row) throw new Error('the audit chain head row is missing: the prepare step of the audit department (ensureChainHead) did not run on this database');
  return { seq: Number(row.seq), hash: String(row.hash) };
}

/** The chain head as the writer last recorded it. */
export async function readHead(em: EntityManager): Promise<ChainAnchor> {
  const head = await em.fork().findOne(ChainHeadEntity, { id: HEAD_ID });
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: '' };
}

async function knownIds(tx: EntityManager, ids: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await tx.find(AccessEntryEntity, { id: { $in: ids.slice(i, i + LOOKUP_CHUNK) } }, { fields: ['id'], disableIdentityMap: true });
    for (const row of rows) known.add(row.id);
  }
  return known;
}

const COLUMNS = {
  seq: 'seq',
  id: 'id',
  department: 'department',
  instance: 'instance',
  at: 'at',
  requestId: 'request_id',
  clientName: 'client_name',
  callerRole: 'caller_role',
  callerSubject: 'caller_subject',
  callerDepartment: 'caller_department',
  purpose: 'purpose',
  subjectKind: 'subject_kind',
  subjectId: 'subject_id',
  fields: 'fields',
  categories: 'categories',
  withheld: 'withheld',
  agent: 'agent',
  mandate: 'mandate',
  withheldBy: 'withheld_by',
  withheldUntil: 'withheld_until',
  prevHash: 'prev_hash',
  hash: 'hash',
};

/**
 * Every entry in seq order, READ_BATCH rows per query (keyset on seq), as plain
 * rows: no entities, no identity map, so memory stays flat at any length.
 */
export async function* readChain(em: EntityManager, batch = READ_BATCH): AsyncGenerator<ChainEntry> {
  const db = kysely(em);
  const columns = Object.entries(COLUMNS).map(([alias, column]) => `${column} as ${alias}`);
  let after = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await db.selectFrom('access_entry').select(columns).where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const row of rows) yield fromRow(row);
    if (rows.length < batch) return;
    after = Number(rows.at(-1)!.seq);
  }
}

/** A raw row as the record it was hashed from: SQLite gives 0/1 and JSON text, PostgreSQL strings for bigint. */
function fromRow(row: Record<string, any>): AccessEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    department: row.department,
    instance: row.instance ?? null,
    at: row.at,
    requestId: row.requestId,
    clientName: row.clientName,
    callerRole: row.callerRole,
    callerSubject: row.callerSubject,
    callerDepartment: row.callerDepartment,
    purpose: row.purpose,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    fields: json(row.fields),
    categories: json(row.categories),
    withheld: Boolean(row.withheld),
    agent: row.agent ?? null,
    mandate: row.mandate ?? null,
    withheldBy: row.withheldBy ?? null,
    withheldUntil: row.withheldUntil ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function json(value: unknown): string[] {
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]);
}

export type LogVerification = ChainResult & { head: ChainAnchor; seconds: number };

/**
 * Verifies the whole stored chain. The head is read before the entries, so
 * appends running meanwhile cannot cause false alarms; the chain must pass
 * through the head (a truncated end is caught) and through any anchor an
 * auditor noted earlier (a rewritten chain is caught).
 */
export async function verifyAccessLog(em: EntityManager, anchors: readonly ChainAnchor[] = []): Promise<LogVerification> {
  const started = performance.now();
  const head = await readHead(em);
  let result = await verifyChain(readChain(em.fork()), { anchors: [...anchors, head] });
  // when ok, entries = the last seq; anything past the head as re-read now was not written by appendRecords
  const after = await readHead(em);
  if (result.ok && result.entries > after.seq) {
    const intruder = await em.fork().findOne(AccessEntryEntity, { seq: after.seq + 1 });
    const detail = `entries after the recorded chain head (${after.seq}) were not appended by the log's writer`;
    result = { ok: false, entries: after.seq, firstBad: { seq: after.seq + 1, id: intruder?.id ?? null, problem: 'changed', detail } };
  }
  return { ...result, head: after, seconds: (performance.now() - started) / 1000 };
}
