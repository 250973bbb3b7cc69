import { hash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSigningKey, signDelivery } from '../../platform/audit/keys.js';
import type { AccessRecord } from '../../platform/audit/record.js';
import type { Caller } from '../../platform/context.js';
import { openDepartmentDatabase } from '../../platform/department.js';
import { enterpriseAt, personAt } from '../../samples/synthetic.js';
import { startTestDepartment, testDatabase, type TestDepartment } from '../../platform/testing.js';
import { canonicalJson, canonicalRecord, chainRecords, GENESIS_HASH, recordOf } from './chain.js';
import { verifyChain } from './verify-chain.js';
import { audit } from './department.js';
import { AccessEntryEntity } from './entities.js';
import { appendRecords, readChain, verifyAccessLog } from './log.js';
import { parseBatch } from './records.js';
import { appendSynthetic, generateAccessRecords } from './seed/synthetic.js';

// audit:unmask with a purpose: these tests read subjects in full (masking has its own tests in tests/leaks.test.ts)
const AUDITOR: Caller = { role: 'AUDITOR', subject: 'auditor-1', department: null, scopes: ['audit:unmask'] };
const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-7', department: '11110105MB0000000X', scopes: ['audit:read'] };
const citizen = (index: number): Caller => ({ role: 'CITIZEN', subject: personAt(7, index).id, department: null, scopes: [] });

/** A withholding still running when the tests run: about ten months ahead. */
const UNTIL = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
/** A well-formed record about person `index`, read by an officer, one minute after the previous one. */
function record(index: number, overrides: Partial<AccessRecord> = {}): AccessRecord {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    department: 'population',
    at: new Date(Date.UTC(2026, 2, 1, 8, serial)).toISOString(),
    requestId: `req-${serial}`,
    clientName: 'officer-console',
    callerRole: 'OFFICER',
    callerSubject: 'officer-7',
    callerDepartment: '11110105MB0000000X',
    purpose: 'household register check',
    subjectKind: 'PERSON',
    subjectId: personAt(7, index).id,
    fields: ['Person.address', 'Person.name'],
    categories: ['ADDRESS', 'NAME'],
    withheld: false,
    ...overrides,
  };
}

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(audit, false);
});
afterAll(() => dept?.close());

/** Delivers as `department` (default population) signs it with its own development key, or with the given signature. */
async function ingest(records: unknown[], signature?: string, department = 'population') {
  const body = JSON.stringify({ records });
  const response = await fetch(dept.url.replace(/\/graphql$/, '/ingest'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-audit-department': department,
      'x-audit-signature': signature ?? signDelivery(body, auditSigningKey(department)),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const stored = () => dept.orm.em.fork().count(AccessEntryEntity, {});
const asAuditor = (query: string, variables: Record<string, unknown> = {}) => dept.query(query, variables, { caller: AUDITOR, purpose: 'inspection 2026-12' });
const ENTRY =
  'seq id department at requestId clientName caller { role subject department } purpose subjectKind subjectId fields categories withheld hash prevHash';

describe('ingest', () => {
  it('stores a signed batch and refuses a bad signature with 401, storing nothing', async () => {
    const good = await ingest([record(0), record(1)]);
    expect(good).toEqual({ status: 200, body: { accepted: 2, duplicates: 0 } });
    const certificates = [record(0, { department: 'certificates', fields: ['Certificate.number'], categories: ['CREDENTIAL'] })];
    expect(await ingest(certificates, undefined, 'certificates')).toEqual({ status: 200, body: { accepted: 1, duplicates: 0 } });
    const batch = [record(2)];
    const forged = await ingest(batch, signDelivery(JSON.stringify({ records: batch }), auditSigningKey('market')));
    expect(forged.status).toBe(401);
    expect(await ingest(batch, 'nonsense').then((r) => r.status)).toBe(401);
    expect(await stored()).toBe(3);
  });

  it('refuses malformed records with 400 naming the record and field, storing none of the batch', async () => {
    const badId = await ingest([record(3), record(4, { subjectId: '110105194912310021' })]);
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatch(/^records\[1\]\.subjectId: is not a valid resident identity number: .*check character/);
    const cases: [unknown, RegExp][] = [
      [{ ...record(3), at: 'yesterday' }, /records\[0\]\.at: must be an ISO 8601 time/],
      [{ ...record(3), callerRole: 'KING' }, /records\[0\]\.callerRole: must be one of/],
      [{ ...record(3), withheld: 'no' }, /records\[0\]\.withheld/],
      [{ ...record(3), fields: ['name'] }, /records\[0\]\.fields: "name" is not like Person\.name/],
      [{ ...record(3), extra: 1 }, /records\[0\]\.extra: is not a field/],
      [{ ...record(3), department: 'elsewhere' }, /records\[0\]\.department/],
      [{ ...record(3), subjectKind: 'ENTERPRISE' }, /records\[0\]\.subjectId: is not a valid credit code/],
    ];
    for (const [bad, message] of cases) {
      const answer = await ingest([bad]);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
    const tooMany = await ingest(Array.from({ length: 1_001 }, () => record(3)));
    expect(tooMany).toMatchObject({ status: 400, body: { error: 'records: at most 1000 per call, got 1001' } });
    expect(parseBatch('{"records": [').ok).toBe(false);
    expect(await stored()).toBe(3);
  });

  it('skips duplicates: a retried batch is accepted 0 times, an id twice in one batch once', async () => {
    const batch = [
      record(5),
      record(6, { withheld: true, purpose: `withheld until ${UNTIL}: investigation 2026-017`, withheldBy: 'officer-7', withheldUntil: UNTIL }),
    ];
    expect((await ingest(batch)).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await ingest(batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    const twice = record(7);
    expect((await ingest([twice, twice, batch[0]])).body).toEqual({ accepted: 1, duplicates: 2 });
    expect(await stored()).toBe(6);
  });

  it('keeps one chain under concurrent deliveries', async () => {
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 25 }, (_, i) => record((b * 25 + i) % 30)));
    const answers = await Promise.all(batches.map((batch) => ingest(batch)));
    expect(answers.every((a) => a.status === 200 && a.body.accepted === 25)).toBe(true);
    const verified = await verifyAccessLog(dept.orm.em.fork());
    expect(verified).toMatchObject({ ok: true, entries: 206, head: { seq: 206 } });
  });
});

describe('auditors', () => {
  it('read every entry with its chain links, and filter and page by seq', async () => {
    const all = await asAuditor(`{ accessLog(first: 100) { nodes { ${ENTRY} } pageInfo { hasNextPage endCursor } } }`);
    expect(all.errors).toBeUndefined();
    const [first, second] = all.data!.accessLog.nodes;
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, caller: { role: 'OFFICER', subject: 'officer-7' }, subjectKind: 'PERSON' });
    expect(second.prevHash).toBe(first.hash);
    expect(all.data?.accessLog.pageInfo.hasNextPage).toBe(true);
    const next = await asAuditor('query($a: String) { accessLog(first: 100, after: $a) { nodes { seq } } }', { a: all.data?.accessLog.pageInfo.endCursor });
    expect(next.data?.accessLog.nodes[0].seq).toBe(101);

    const subject = personAt(7, 0).id;
    const bySubject = await asAuditor('query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { subjectId } } }', { s: subject });
    expect(bySubject.data?.accessLog.nodes.length).toBeGreaterThan(2);
    expect(bySubject.data?.accessLog.nodes.every((n: { subjectId: string }) => n.subjectId === subject)).toBe(true);
    const filtered = await asAuditor(
      '{ accessLog(department: "certificates", callerSubject: "officer-7", purpose: "household register check", from: "2026-03-01", to: "2026-03-01T08:05:00Z") { nodes { seq at department } } }',
    );
    expect(filtered.data?.accessLog.nodes).toEqual([{ seq: 3, at: '2026-03-01T08:03:00.000Z', department: 'certificates' }]);
    const withheld = await asAuditor('query($p: String) { accessLog(purpose: $p) { nodes { withheld withheldBy withheldUntil } } }', {
      p: `withheld until ${UNTIL}: investigation 2026-017`,
    });
    expect(withheld.data?.accessLog.nodes).toEqual([{ withheld: true, withheldBy: 'officer-7', withheldUntil: UNTIL }]);
  });

  it('verify the chain and export lines anyone can re-hash offline', async () => {
    const verified = await asAuditor('{ verifyAccessLog { ok entries headSeq headHash firstBad { seq } seconds } }');
    // 206 seeded entries, and one more per subject for each read of the log so far (reads are recorded)
    const { entries } = verified.data!.verifyAccessLog;
    expect(entries).toBeGreaterThan(206);
    expect(verified.data?.verifyAccessLog).toMatchObject({ ok: true, headSeq: entries, firstBad: null });
    const anchored = await asAuditor('query($s: Int, $h: String) { verifyAccessLog(anchorSeq: $s, anchorHash: $h) { ok } }', {
      s: entries,
      h: verified.data?.verifyAccessLog.headHash,
    });
    expect(anchored.data?.verifyAccessLog.ok).toBe(true);
    const exported = await asAuditor('{ exportAccessLog(first: 5000) { jsonLines count pageInfo { hasNextPage } } }');
    const lines = (exported.data?.exportAccessLog.jsonLines as string).split('\n').map((l) => JSON.parse(l));
    expect(exported.data?.exportAccessLog).toMatchObject({ count: entries, pageInfo: { hasNextPage: false } });
    for (const line of lines.slice(0, 20)) {
      expect(hash('sha256', line.prevHash + canonicalJson(line.record) + line.seq)).toBe(line.hash);
    }
  });

  it('resolve AccessEntry by key (_entities), one SQL statement for any number', async () => {
    const ids = (await asAuditor('{ accessLog(first: 20) { nodes { id } } }')).data?.accessLog.nodes.map((n: { id: string }) => n.id) as string[];
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on AccessEntry { id seq } } }';
    const reps = (n: number) => ids.slice(0, n).map((id) => ({ __typename: 'AccessEntry', id }));
    const answer = await asAuditor(entities, { r: [...reps(2), { __typename: 'AccessEntry', id: 'unknown' }] });
    expect(answer.data?._entities).toEqual([{ id: ids[0], seq: 1 }, { id: ids[1], seq: 2 }, null]);
    const cost = async (query: string, variables: Record<string, unknown>) => {
      dept.sql.reset();
      expect((await asAuditor(query, variables)).errors).toBeUndefined();
      return dept.sql.count;
    };
    expect(await cost(entities, { r: reps(2) })).toBe(1);
    expect(await cost(entities, { r: reps(20) })).toBe(1);
    const page = `query($n: Int) { accessLog(first: $n) { nodes { ${ENTRY} } } }`;
    // one SELECT for the page, plus recording the read in the log (a fixed number of statements)
    expect(await cost(page, { n: 3 })).toBe(await cost(page, { n: 100 }));
    const forbidden = await dept.query(entities, { r: reps(1) }, { caller: citizen(0) });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('are the only ones to read the log: others get FORBIDDEN', async () => {
    for (const caller of [OFFICER, citizen(0), undefined]) {
      for (const query of ['{ accessLog { pageInfo { hasNextPage } } }', '{ verifyAccessLog { ok } }', '{ exportAccessLog { count } }']) {
        const answer = await dept.query(query, {}, { caller, purpose: 'audit' });
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(answer.data).toBeNull();
      }
    }
  });

  it('filter by the identity number of any kind, and by an all-digit credit code', async () => {
    const allDigits = Array.from({ length: 300 }, (_, i) => enterpriseAt(7, i, 30).creditCode).find((c) => /^\d{18}$/.test(c))!;
    // a Taiwan resident's residence permit, a foreigner's 2023 permanent residence card, an individual business
    for (const s of ['830000199003070211', '931840198001010121', allDigits]) {
      const answer = await asAuditor('query($s: String) { accessLog(subjectId: $s, first: 1) { nodes { seq } } }', { s });
      expect(answer.errors, s).toBeUndefined();
    }
  });

  it('get coded errors for bad input', async () => {
    const expectBad = async (query: string, argument: string, message?: string) => {
      const answer = await asAuditor(query);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      if (message) expect(answer.errors?.[0]?.message).toContain(message);
    };
    await expectBad('{ accessLog(subjectId: "110105194912310021") { nodes { seq } } }', 'subjectId', 'check character should be X, got 1');
    await expectBad('{ accessLog(subjectId: "830101199003070213") { nodes { seq } } }', 'subjectId', 'must start with 830000, got 830101');
    await expectBad('{ accessLog(first: 101) { nodes { seq } } }', 'first');
    await expectBad('{ exportAccessLog(first: 10001) { count } }', 'first');
    await expectBad('{ accessLog(from: "2026-03-02", to: "2026-03-01") { nodes { seq } } }', 'from');
    await expectBad('{ accessLog(to: "2026-02-30") { nodes { seq } } }', 'to', 'does not exist');
    await expectBad('{ accessLog(from: "March") { nodes { seq } } }', 'from');
    await expectBad('{ accessLog(after: "bm9wZQ") { nodes { seq } } }', 'after');
    await expectBad('{ verifyAccessLog(anchorSeq: 3) { ok } }', 'anchorHash');
  });
});

describe('the data tracker', () => {
  it('shows a citizen the accesses to their own data, newest first, without withheld ones', async () => {
    const own = await dept.query(
      '{ myDataAccesses(first: 100) { nodes { at department purpose callerRole callerDepartment categories fields } } }',
      {},
      { caller: citizen(6) },
    );
    expect(own.errors).toBeUndefined();
    const log = await asAuditor('query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { at withheld } } }', { s: personAt(7, 6).id });
    const visible = log.data?.accessLog.nodes.filter((n: { withheld: boolean }) => !n.withheld);
    // the seeded investigation, and the auditors' earlier read of it, are withheld from her
    expect(log.data?.accessLog.nodes.length).toBeGreaterThan(visible.length);
    expect(own.data?.myDataAccesses.nodes.map((n: { at: string }) => n.at)).toEqual(visible.map((n: { at: string }) => n.at).reverse());
    const departments = own.data?.myDataAccesses.nodes.map((n: { department: string }) => n.department);
    expect(own.data?.myDataAccesses.nodes[departments.indexOf('population')]).toMatchObject({
      callerRole: 'OFFICER',
      callerDepartment: '11110105MB0000000X',
      categories: ['ADDRESS', 'NAME'],
    });
    // the auditors' earlier reads of this person's trail are there too
    expect(own.data?.myDataAccesses.nodes).toContainEqual(
      expect.objectContaining({ department: 'audit', callerRole: 'AUDITOR', fields: ['AccessEntry.subjectId'] }),
    );

    const other = await dept.query('{ myDataAccesses(first: 100) { nodes { at } } }', {}, { caller: citizen(29) });
    const theirs = await asAuditor('query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { at } } }', { s: personAt(7, 29).id });
    expect(other.data?.myDataAccesses.nodes.length).toBe(theirs.data?.accessLog.nodes.length);
    const nobody = await dept.query('{ myDataAccesses { nodes { at } pageInfo { hasNextPage } } }', {}, { caller: citizen(40) });
    expect(nobody.data?.myDataAccesses).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
  });

  it('pages and filters by time, and serves enterprises their own too', async () => {
    const all = await dept.query('{ myDataAccesses(first: 100) { nodes { at purpose } } }', {}, { caller: citizen(0) });
    const first = await dept.query('{ myDataAccesses(first: 2) { nodes { at purpose } pageInfo { hasNextPage endCursor } } }', {}, { caller: citizen(0) });
    const rest = await dept.query(
      'query($a: String) { myDataAccesses(first: 100, after: $a) { nodes { at purpose } } }',
      { a: first.data?.myDataAccesses.pageInfo.endCursor },
      { caller: citizen(0) },
    );
    expect(first.data?.myDataAccesses.pageInfo.hasNextPage).toBe(true);
    expect([...first.data!.myDataAccesses.nodes, ...rest.data!.myDataAccesses.nodes]).toEqual(all.data?.myDataAccesses.nodes);
    expect(all.data?.myDataAccesses.nodes.length).toBeGreaterThan(3);
    const none = await dept.query('{ myDataAccesses(to: "2026-02-28") { nodes { at } } }', {}, { caller: citizen(0) });
    expect(none.data?.myDataAccesses.nodes).toEqual([]);

    const company = enterpriseAt(7, 0, 30).creditCode;
    await ingest(
      [record(0, { department: 'market', subjectKind: 'ENTERPRISE', subjectId: company, fields: ['Enterprise.name'], categories: [] })],
      undefined,
      'market',
    );
    const enterprise: Caller = { role: 'ENTERPRISE', subject: company, department: null, scopes: [] };
    const seen = await dept.query('{ myDataAccesses { nodes { department fields } } }', {}, { caller: enterprise });
    expect(seen.data?.myDataAccesses.nodes).toEqual([{ department: 'market', fields: ['Enterprise.name'] }]);
  });

  it('is only for citizens and enterprises', async () => {
    for (const caller of [AUDITOR, OFFICER, undefined]) {
      const answer = await dept.query('{ myDataAccesses { nodes { at } } }', {}, { caller, purpose: 'audit' });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the chain verifier', () => {
  const logs: MikroORM[] = [];
  afterAll(() => Promise.all(logs.map((orm) => orm.close())));

  /** A private log of 120 synthetic entries, to tamper with. */
  async function freshLog(): Promise<MikroORM> {
    const orm = await openDepartmentDatabase(audit, testDatabase('audit'));
    logs.push(orm);
    await appendSynthetic(orm.em.fork(), { count: 120, seed: 3 });
    return orm;
  }
  const entryAt = async (orm: MikroORM, seq: number) => (await orm.em.fork().findOne(AccessEntryEntity, { seq }))!;

  it('passes an intact log and catches a single edited entry', async () => {
    const orm = await freshLog();
    expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: true, entries: 120 });
    const victim = await entryAt(orm, 50);
    await orm.em.fork().nativeUpdate(AccessEntryEntity, { seq: 50 }, { purpose: 'nothing to see' });
    expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: false, entries: 49, firstBad: { seq: 50, id: victim.id, problem: 'changed' } });
  });

  it('catches a deleted entry, in the middle and at the end', async () => {
    const orm = await freshLog();
    await orm.em.fork().nativeDelete(AccessEntryEntity, { seq: 80 });
    expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: false, firstBad: { seq: 80, id: null, problem: 'removed' } });
    await orm.em.fork().nativeDelete(AccessEntryEntity, { seq: { $gte: 80 } });
    const truncated = await verifyAccessLog(orm.em.fork());
    expect(truncated).toMatchObject({ ok: false, firstBad: { seq: 80, id: null, problem: 'removed' } });
    if (!truncated.ok) expect(truncated.firstBad.detail).toContain('anchored at 120');
  });

  it('catches reordered entries', async () => {
    const orm = await freshLog();
    const [a, b] = [await entryAt(orm, 100), await entryAt(orm, 101)];
    const em = orm.em.fork();
    await em.nativeUpdate(AccessEntryEntity, { seq: 100 }, { seq: -1 });
    await em.nativeUpdate(AccessEntryEntity, { seq: 101 }, { seq: 100 });
    await em.nativeUpdate(AccessEntryEntity, { seq: -1 }, { seq: 101 });
    const result = await verifyAccessLog(orm.em.fork());
    expect(result).toMatchObject({ ok: false, firstBad: { seq: 100, id: b.id, problem: 'reordered' } });
    expect(a.id).not.toBe(b.id);
  });

  it('catches a rewritten chain through an anchor noted earlier', async () => {
    const orm = await freshLog();
    const noted = await entryAt(orm, 100);
    // a forger with database access re-chains everything after an edit: internally consistent again
    const entries = [];
    for await (const entry of readChain(orm.em.fork())) entries.push(entry);
    const forged = chainRecords(
      entries.map((e, i) => (i === 9 ? { ...recordOf(e), purpose: 'forged' } : recordOf(e))),
      { seq: 0, hash: GENESIS_HASH },
    );
    expect(await verifyChain(forged)).toEqual({ ok: true, entries: 120 });
    expect(await verifyChain(forged, { anchors: [{ seq: 100, hash: noted.hash }] })).toMatchObject({ ok: false, firstBad: { seq: 100, problem: 'changed' } });
  });

  it('is pure over any iterable: seqs out of order are reordered, a gap is removed', async () => {
    const chain = chainRecords([...generateAccessRecords({ count: 6, seed: 1 })], { seq: 0, hash: GENESIS_HASH });
    const [e1, e2, e3, e4, e5, e6] = chain as [
      (typeof chain)[0],
      (typeof chain)[0],
      (typeof chain)[0],
      (typeof chain)[0],
      (typeof chain)[0],
      (typeof chain)[0],
    ];
    expect(await verifyChain(chain)).toEqual({ ok: true, entries: 6 });
    expect(await verifyChain([e1, e2, e4, e3, e5, e6])).toMatchObject({ ok: false, entries: 2, firstBad: { seq: 4, problem: 'reordered' } });
    expect(await verifyChain([e1, e2, e4, e5, e6])).toMatchObject({ ok: false, firstBad: { seq: 3, id: null, problem: 'removed' } });
    expect(await verifyChain([])).toEqual({ ok: true, entries: 0 });
    expect(canonicalRecord(e1)).toBe(canonicalJson(recordOf(e1)));
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
  });

  it('is reported through GraphQL when the department log is edited', async () => {
    await dept.orm.em.fork().nativeUpdate(AccessEntryEntity, { seq: 2 }, { withheld: true });
    const answer = await asAuditor('{ verifyAccessLog { ok entries firstBad { seq id problem detail } } }');
    expect(answer.data?.verifyAccessLog).toMatchObject({ ok: false, entries: 1, firstBad: { seq: 2, problem: 'CHANGED' } });
  });
});

describe('synthetic records', () => {
  it('are deterministic and pass the ingest checks', () => {
    const records = [...generateAccessRecords({ count: 300, seed: 9 })];
    expect([...generateAccessRecords({ count: 300, seed: 9 })]).toEqual(records);
    expect(parseBatch(JSON.stringify({ records }))).toEqual({ ok: true, records });
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
    expect(records.some((r) => r.withheld) && records.some((r) => r.subjectKind === 'ENTERPRISE') && records.some((r) => r.callerRole === 'CITIZEN')).toBe(
      true,
    );
  });

  it('append through the ordinary path, deduplicated when appended again', async () => {
    const orm = await openDepartmentDatabase(audit, testDatabase('audit'));
    try {
      expect(await appendSynthetic(orm.em.fork(), { count: 120, seed: 2 })).toEqual({ accepted: 120, duplicates: 0 });
      expect(await appendSynthetic(orm.em.fork(), { count: 130, seed: 2 })).toEqual({ accepted: 10, duplicates: 120 });
      expect(await appendRecords(orm.em.fork(), [])).toEqual({ accepted: 0, duplicates: 0 });
      expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: true, entries: 130 });
    } finally {
      await orm.close();
    }
  });
});
