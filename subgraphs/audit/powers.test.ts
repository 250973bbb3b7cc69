import { DEPARTMENTS } from '../../platform/departments.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSigningKey, auditVerifyKeys, devAuditKeyPair, signDelivery } from '../../platform/audit/keys.js';
import type { AccessRecord } from '../../platform/audit/record.js';
import { disclosed, withholdingOf } from '../../platform/audit/withholding.js';
import type { Caller } from '../../platform/context.js';
import { personAt } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { canonicalRecord, entryHash, GENESIS_HASH } from './chain.js';
import { audit } from './department.js';
import { AccessEntryEntity } from './entities.js';

const AUDITOR: Caller = { role: 'AUDITOR', subject: 'auditor-1', department: null, scopes: [] };
const citizen = (index: number): Caller => ({ role: 'CITIZEN', subject: personAt(7, index).id, department: null, scopes: [] });
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
function record(index: number, overrides: Partial<AccessRecord> = {}): AccessRecord {
  serial += 1;
  return {
    id: `10000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    department: 'population',
    at: new Date(Date.UTC(2026, 5, 1, 8, serial)).toISOString(),
    requestId: `req-${serial}`,
    clientName: null,
    callerRole: 'OFFICER',
    callerSubject: 'officer-7',
    callerDepartment: 'PS',
    purpose: 'case C1',
    subjectKind: 'PERSON',
    subjectId: personAt(7, index).id,
    fields: ['Person.name'],
    categories: ['NAME'],
    withheld: false,
    ...overrides,
  };
}
const withheld = (index: number, until: string, overrides: Partial<AccessRecord> = {}) =>
  record(index, { withheld: true, withheldBy: 'officer-7', withheldUntil: until, purpose: `withheld until ${until}: investigation`, ...overrides });

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(audit, false);
});
afterAll(() => dept?.close());

async function ingest(records: unknown[], sender = 'population', signer = sender) {
  const body = JSON.stringify({ records });
  const response = await fetch(dept.url.replace(/\/graphql$/, '/ingest'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(body, auditSigningKey(signer)) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const stored = () => dept.orm.em.fork().count(AccessEntryEntity, {});

describe('deliveries are signed per department', () => {
  it("refuses another department's key, an unknown department, and records in another's name, storing nothing", async () => {
    const before = await stored();
    expect((await ingest([record(0)], 'population', 'market')).status).toBe(401);
    expect((await ingest([record(0)], 'nobody', 'population')).status).toBe(401);
    expect((await ingest([record(0)], 'audit', 'population')).status).toBe(401);
    const mixed = await ingest([record(0), record(1, { department: 'cases' })], 'population');
    expect(mixed).toMatchObject({ status: 403, body: { error: "records[1].department: population may deliver only its own records, not cases's" } });
    expect(await stored()).toBe(before);
    expect((await ingest([record(1, { department: 'cases' })], 'cases')).status).toBe(200);
  });

  it('knows every delivering department, and refuses development keys in production', () => {
    // every department of the registry but the log itself, a scaffolded one included
    expect([...auditVerifyKeys().keys()].sort()).toEqual(
      DEPARTMENTS.map((d) => d.name)
        .filter((n) => n !== 'audit')
        .sort(),
    );
    expect([...auditVerifyKeys().keys()]).toEqual(
      expect.arrayContaining(['appeals', 'cases', 'catalog', 'certificates', 'evaluation', 'market', 'population', 'regions']),
    );
    expect(() => auditVerifyKeys({ NODE_ENV: 'production' })).toThrow(/REGIONS_AUDIT_VERIFY_KEY must be set in production/);
    expect(() => auditSigningKey('population', { NODE_ENV: 'production' })).toThrow(/POPULATION_AUDIT_SIGNING_KEY must be set in production/);
    const pair = devAuditKeyPair('population');
    expect(() => auditSigningKey('population', { NODE_ENV: 'production', POPULATION_AUDIT_SIGNING_KEY: JSON.stringify(pair.privateJwk) })).not.toThrow();
  });
});

describe('outbox reports', () => {
  async function reportAs(body: unknown, sender: string, signer = sender) {
    const text = JSON.stringify(body);
    const response = await fetch(dept.url.replace(/\/graphql$/, '/ingest/outbox'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(text, auditSigningKey(signer)) },
      body: text,
    });
    return response.status;
  }
  const reports = async () => (await dept.query('{ outboxReports { department rejected pending } }', {}, { caller: AUDITOR })).data?.outboxReports;

  it("keep each department's latest count, signed by that department only, for auditors only", async () => {
    expect(await reportAs({ pending: 0, rejected: 5 }, 'market', 'population')).toBe(401);
    expect(await reportAs({ pending: -1, rejected: 5 }, 'market')).toBe(400);
    expect(await reportAs({ pending: 3, rejected: 5 }, 'market')).toBe(200);
    expect(await reportAs({ pending: 0, rejected: 2 }, 'market')).toBe(200);
    expect(await reports()).toEqual([{ department: 'market', rejected: 2, pending: 0 }]);
    const refused = await dept.query('{ outboxReports { department } }', {}, { caller: citizen(0) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('withheld records', () => {
  it('must say who withheld them and until when, together', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...record(2), withheldBy: 'officer-7' }, /records\[0\]\.withheldBy: must be null unless withheldUntil is set/],
      [{ ...record(2), withheld: true, withheldUntil: day(10) }, /records\[0\]\.withheldUntil: is set, so withheldBy must name who withheld it/],
      [{ ...record(2), withheldBy: 'o', withheldUntil: day(10) }, /records\[0\]\.withheldUntil: is set, so withheld must be true/],
      [withheld(2, '2027-02-30'), /records\[0\]\.withheldUntil: /],
      [{ ...record(2), withheldBy: 'o', withheldUntil: null }, /records\[0\]\.withheldBy: must be null unless withheldUntil is set/],
    ];
    for (const [bad, message] of cases) {
      const answer = await ingest([bad]);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
  });

  it('are hidden from the subject until their date, then shown marked withheld; auditors list them all', async () => {
    const running = withheld(3, day(30));
    const ended = withheld(3, day(-1));
    const legacy = record(3, { withheld: true, purpose: 'withheld:old prefix' });
    const open = record(3);
    expect((await ingest([running, ended, legacy, open])).status).toBe(200);
    const mine = await dept.query('{ myDataAccesses { nodes { purpose withheld withheldUntil } } }', {}, { caller: citizen(3) });
    expect(mine.data?.myDataAccesses.nodes).toEqual([
      { purpose: 'case C1', withheld: false, withheldUntil: null },
      // a mark without who and until was never a power: shown
      { purpose: 'withheld:old prefix', withheld: true, withheldUntil: null },
      { purpose: ended.purpose, withheld: true, withheldUntil: ended.withheldUntil },
    ]);
    const listed = await dept.query('{ accessLog(withheld: true, first: 100) { nodes { id withheldBy withheldUntil } } }', {}, { caller: AUDITOR });
    expect(listed.data?.accessLog.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([running.id, ended.id, legacy.id]));
    expect(listed.data?.accessLog.nodes.find((n: { id: string }) => n.id === running.id)).toEqual({
      id: running.id,
      withheldBy: 'officer-7',
      withheldUntil: running.withheldUntil,
    });
  });

  it('are covered by the chain: moving the date or clearing who withheld breaks it; older entries keep their hash', async () => {
    // an entry chained before withholding was a power (no withheldBy / withheldUntil) hashes as it always did
    const old = record(4);
    expect(canonicalRecord({ ...old, withheldBy: null, withheldUntil: null })).toBe(canonicalRecord(old));
    expect(canonicalRecord(old)).not.toContain('withheldUntil');
    expect(entryHash(GENESIS_HASH, withheld(4, day(5)), 1)).not.toBe(entryHash(GENESIS_HASH, withheld(4, day(6)), 1));

    const target = withheld(4, day(20));
    expect((await ingest([target])).status).toBe(200);
    const verify = '{ verifyAccessLog { ok firstBad { id problem } } }';
    expect((await dept.query(verify, {}, { caller: AUDITOR })).data?.verifyAccessLog.ok).toBe(true);
    const em = dept.orm.em.fork();
    await em.nativeUpdate(AccessEntryEntity, { id: target.id }, { withheldUntil: day(400) });
    expect((await dept.query(verify, {}, { caller: AUDITOR })).data?.verifyAccessLog).toMatchObject({
      ok: false,
      firstBad: { id: target.id, problem: 'CHANGED' },
    });
    await em.nativeUpdate(AccessEntryEntity, { id: target.id }, { withheldUntil: target.withheldUntil, withheldBy: null });
    expect((await dept.query(verify, {}, { caller: AUDITOR })).data?.verifyAccessLog).toMatchObject({
      ok: false,
      firstBad: { id: target.id, problem: 'CHANGED' },
    });
    await em.nativeUpdate(AccessEntryEntity, { id: target.id }, { withheldBy: 'officer-7' });
    expect((await dept.query(verify, {}, { caller: AUDITOR })).data?.verifyAccessLog.ok).toBe(true);
  });
});

describe('withholdingOf', () => {
  const officer = (scopes: string[]): Caller => ({ role: 'OFFICER', subject: 'officer-1', department: 'PS', scopes });
  it('grants it only with the scope of the serving department, and a date from today to a year ahead', () => {
    const today = '2026-12-02';
    expect(withholdingOf(officer([]), 'case C1', 'population', today)).toBeNull();
    expect(withholdingOf(officer(['population:withhold']), 'withheld until 2027-06-30: investigation', 'population', today)).toEqual({
      by: 'officer-1',
      until: '2027-06-30',
    });
    expect(withholdingOf(officer(['population:withhold']), 'withheld until 2026-12-02: x', 'population', today)).toEqual({
      by: 'officer-1',
      until: '2026-12-02',
    });
    expect(() => withholdingOf(officer(['population:withhold']), 'withheld until 2027-06-30: x', 'market', today)).toThrow(/market:withhold/);
    expect(() => withholdingOf({ ...officer(['population:withhold']), role: 'CITIZEN' }, 'withheld until 2027-06-30: x', 'population', today)).toThrow(
      /population:withhold/,
    );
    expect(() => withholdingOf(officer(['population:withhold']), 'withheld until 2027-12-04: x', 'population', today)).toThrow(/more than 366 days/);
    expect(() => withholdingOf(officer(['population:withhold']), 'withheld until 2026-12-01: x', 'population', today)).toThrow(/already past/);
    expect(disclosed('2026-12-01', today)).toBe(true);
    expect(disclosed('2026-12-02', today)).toBe(false);
    expect(disclosed(null, today)).toBe(true);
  });
});
