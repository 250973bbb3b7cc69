import { randomUUID } from 'node:crypto';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSigningKey, signDelivery } from '../platform/audit/keys.js';
import type { AccessRecord } from '../platform/audit/record.js';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import { registeredAgencies } from '../reference/agencies.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

/**
 * Access records name the instance that served the read (issue #15, item 5): with cases run per
 * province (Beijing 11 and Guangdong 44 their own, the rest national), the auditor and the data
 * subject see which platform read the data; a department served as one names none; and no
 * department can put its records in another department's instance, nor in one that does not exist.
 */
const PROVINCES = ['11', '44'];
const CASE = 'query($id: ID!) { case(id: $id) { id applicantId } }';
const LOG =
  'query($s: String, $d: String) { accessLog(subjectId: $s, department: $d, first: 100) { nodes { seq department instance fields caller { subject } } } }';
const TRACKER = '{ myDataAccesses(first: 100) { nodes { department instance purpose fields } } }';
const VERIFY = '{ verifyAccessLog { ok entries headSeq firstBad { seq problem } } }';

const officer = () =>
  bearer({ role: 'OFFICER', subject: 'officer-7', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] } as TokenRequest).then((h) => ({
    ...h,
    'x-purpose': encodeURIComponent('basis:licensing-review'),
  }));
const auditor = () => bearer({ role: 'AUDITOR', subject: 'auditor-1' });

type Entry = { seq: number; department: string; instance: string | null; fields: string[]; caller: { subject: string } };

async function auditLog(platform: TestPlatform, subjectId: string, department = 'cases'): Promise<Entry[]> {
  const answer = await platform.query(LOG, { s: subjectId, d: department }, await auditor());
  expect(answer.errors).toBeUndefined();
  return answer.data!.accessLog.nodes as Entry[];
}

async function verified(platform: TestPlatform): Promise<{ ok: boolean; entries: number; headSeq: number }> {
  const answer = await platform.query(VERIFY, {}, await auditor());
  expect(answer.errors).toBeUndefined();
  return answer.data!.verifyAccessLog;
}

/** A case of a person held by the database `orm` opens (the first by id). */
async function personCase(em: SqlEntityManager): Promise<{ id: string; applicant: string }> {
  const [row] = await em.execute<{ id: string; applicant_id: string }[]>(
    "select id, applicant_id from cases where applicant_kind = 'PERSON' order by id limit 1",
  );
  return { id: row!.id, applicant: row!.applicant_id };
}

describe('a partitioned platform: records name the instance that served the read', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({}, { partitioned: { cases: PROVINCES } });
  });
  afterAll(() => platform?.close());

  const instance = (province: string | null) => platform.partitioned.cases!.instances.find((i) => i.province === province)!;
  const flushAll = () => Promise.all(platform.partitioned.cases!.instances.map((i) => i.delivery!.flush()));

  it("shows the auditor and the data subject cases@44 for Guangdong's read and cases@national for another province's; the chain verifies", async () => {
    const served: [string, { id: string; applicant: string }][] = [];
    for (const province of ['44', null]) {
      const read = await personCase(instance(province).orm.em.fork() as SqlEntityManager);
      const answer = await platform.query(CASE, { id: read.id }, await officer());
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.case.id).toBe(read.id);
      served.push([`cases@${province ?? 'national'}`, read]);
    }
    await flushAll();
    for (const [name, { applicant }] of served) {
      const entries = await auditLog(platform, applicant);
      expect(entries.length, name).toBeGreaterThan(0);
      expect(entries.map((e) => e.instance)).toEqual(entries.map(() => name));
      expect(entries.every((e) => e.department === 'cases' && e.caller.subject === 'officer-7')).toBe(true);
      // the data subject's own tracker says which province's platform read their data
      const mine = await platform.query(TRACKER, {}, await bearer({ role: 'CITIZEN', subject: applicant }));
      expect(mine.errors).toBeUndefined();
      const nodes = mine.data!.myDataAccesses.nodes as { department: string; instance: string | null; purpose: string | null }[];
      expect(nodes.filter((n) => n.department === 'cases' && n.purpose === 'basis:licensing-review').map((n) => n.instance)).toEqual(entries.map(() => name));
    }
    expect(await verified(platform)).toMatchObject({ ok: true });
  });

  it('names no instance for a department served as one (population, in the same platform)', async () => {
    const { applicant } = await personCase(instance('44').orm.em.fork() as SqlEntityManager);
    const person = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { name } }',
      { id: applicant },
      {
        ...(await bearer({ role: 'OFFICER', subject: 'officer-7', department: registeredAgencies()[0]!.code, scopes: ['population:read'] } as TokenRequest)),
        'x-purpose': encodeURIComponent('basis:hukou'),
      },
    );
    expect(person.errors).toBeUndefined();
    await platform.departments.population!.delivery!.flush();
    const entries = await auditLog(platform, applicant, 'population');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.instance === null)).toBe(true);
  });

  /** POSTs a batch to the audit department's /ingest as `sender`, signed with its own key, as an instance's delivery is. */
  async function deliver(records: unknown[], sender: string) {
    const body = JSON.stringify({ records });
    const response = await fetch(platform.departments.audit!.url.replace(/\/graphql$/, '/ingest'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(body, auditSigningKey(sender)) },
      body,
    });
    return { status: response.status, body: (await response.json()) as { error?: string; accepted?: number } };
  }

  it("ATTACK: cases delivering a record in evaluation's instance, or in a province that does not exist, is refused and nothing is chained", async () => {
    const { applicant } = await personCase(instance('11').orm.em.fork() as SqlEntityManager);
    const forged = (overrides: Partial<AccessRecord>): AccessRecord => ({
      id: randomUUID(),
      department: 'cases',
      at: new Date().toISOString(),
      requestId: 'req-forged',
      clientName: null,
      callerRole: 'OFFICER',
      callerSubject: 'officer-forged',
      callerDepartment: null,
      purpose: 'forged',
      subjectKind: 'PERSON',
      subjectId: applicant,
      fields: ['Case.applicantId'],
      categories: ['IDENTITY_NUMBER'],
      withheld: false,
      ...overrides,
    });
    await flushAll();
    const before = await verified(platform);
    const attempts: [Partial<AccessRecord>, number, string][] = [
      // another department's instance under cases' own name and key
      [{ instance: 'evaluation@44' }, 400, 'records[0].instance: must name an instance of cases'],
      // another department's record and instance, signed by cases
      [{ department: 'evaluation', instance: 'evaluation@44' }, 403, 'cases may deliver only its own records'],
      [{ instance: 'cases@99' }, 400, 'records[0].instance: "99" is not a province code'],
      [{ instance: 'cases@440000' }, 400, 'records[0].instance: "440000" is not a province code'],
      [{ instance: 'cases@' }, 400, 'records[0].instance: "" is not a province code'],
      [{ instance: 'cases' }, 400, 'records[0].instance: must name an instance of cases'],
    ];
    for (const [overrides, status, error] of attempts) {
      // a well-formed record first: the whole batch is refused with the bad one
      const answer = await deliver([forged({ instance: 'cases@11' }), forged(overrides)], 'cases');
      expect(answer.status, JSON.stringify(overrides)).toBe(status);
      expect(answer.body.error).toContain(error.replace('records[0]', 'records[1]'));
    }
    // a department served as one names no instance
    const population = await deliver(
      [forged({ department: 'population', fields: ['Person.name'], categories: ['NAME'], instance: 'population@11' })],
      'population',
    );
    expect(population).toEqual({ status: 400, body: { error: 'records[0].instance: must be null: population is not served per province' } });
    expect((await auditLog(platform, applicant)).filter((e) => e.caller.subject === 'officer-forged')).toEqual([]);
    expect(await verified(platform)).toMatchObject({ ok: true, headSeq: before.headSeq });
    // the rightful instance is accepted, chained, and still verifies
    expect(await deliver([forged({ instance: 'cases@11' })], 'cases')).toMatchObject({ status: 200, body: { accepted: 1 } });
    const chained = (await auditLog(platform, applicant)).filter((e) => e.caller.subject === 'officer-forged');
    expect(chained.map((e) => e.instance)).toEqual(['cases@11']);
    expect(await verified(platform)).toMatchObject({ ok: true });
  });
});

describe('an unpartitioned platform: records name no instance', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.close());

  it('records a read of a case by the one cases department with instance null', async () => {
    const read = await personCase(platform.departments.cases!.orm.em.fork() as SqlEntityManager);
    const answer = await platform.query(CASE, { id: read.id }, await officer());
    expect(answer.errors).toBeUndefined();
    await platform.departments.cases!.delivery!.flush();
    const entries = await auditLog(platform, read.applicant);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.instance === null)).toBe(true);
    const mine = await platform.query(TRACKER, {}, await bearer({ role: 'CITIZEN', subject: read.applicant }));
    expect(mine.errors).toBeUndefined();
    expect((mine.data!.myDataAccesses.nodes as { instance: string | null }[]).every((n) => n.instance === null)).toBe(true);
    expect(await verified(platform)).toMatchObject({ ok: true });
  });
});
