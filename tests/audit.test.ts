import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_PATH } from '../platform/audit/record.js';
import { personAt } from '../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../platform/testing.js';
import { audit } from '../subgraphs/audit/department.js';
import { population } from '../subgraphs/population/department.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';

// officer tokens name an existing agency (gateway/auth.ts): the first of the sample catalog, 北京市公安厅
const AGENCY = registeredAgencies()[0]!.code;

const alice = personAt(7, 0);
const bob = personAt(7, 4);
const PERSON = 'query($id: ResidentId!) { person(id: $id) { name phone } }';
const LOG = 'query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { seq department purpose caller { role } fields categories withheld } } }';
/** An investigation still running: two months ahead. */
const UNTIL = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const officer = async (purpose: string) => ({
  ...(await bearer({ role: 'OFFICER', subject: 'officer-3', department: AGENCY, scopes: ['population:read'] })),
  'x-purpose': encodeURIComponent(purpose),
});

describe('a scripted session leaves exactly the expected trail', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform();
    // the session: an officer on a case, the citizen herself, an investigation that the law withholds
    expect((await platform.query(PERSON, { id: alice.id }, await officer('case C20261125000007'))).errors).toBeUndefined();
    expect((await platform.query(PERSON, { id: alice.id }, await bearer({ role: 'CITIZEN', subject: alice.id }))).errors).toBeUndefined();
    const investigator = {
      ...(await bearer({ role: 'OFFICER', subject: 'officer-4', department: AGENCY, scopes: ['population:read', 'population:withhold'] })),
      'x-purpose': encodeURIComponent(`withheld until ${UNTIL}: investigation 2026-042`),
    };
    expect((await platform.query(PERSON, { id: bob.id }, investigator)).errors).toBeUndefined();
    // a refused read leaves no record: nothing was served
    await platform.query(PERSON, { id: bob.id }, await bearer({ role: 'CITIZEN', subject: alice.id }));
    await platform.departments.population!.delivery!.flush();
  });
  afterAll(() => platform?.close());

  const auditor = () => bearer({ role: 'AUDITOR', subject: 'auditor-1' });

  it("holds one record per served read, with caller, purpose and fields, in the auditor's trail", async () => {
    const forAlice = await platform.query(LOG, { s: alice.id }, await auditor());
    expect(forAlice.errors).toBeUndefined();
    expect(forAlice.data!.accessLog.nodes.map((n: { caller: { role: string }; purpose: string }) => [n.caller.role, n.purpose])).toEqual([
      ['OFFICER', 'case C20261125000007'],
      ['CITIZEN', null],
    ]);
    expect(forAlice.data!.accessLog.nodes[0]).toMatchObject({
      department: 'population',
      fields: ['Person.name', 'Person.phone'],
      categories: ['NAME', 'PHONE'],
    });
    const forBob = await platform.query(LOG, { s: bob.id }, await auditor());
    expect(forBob.data!.accessLog.nodes).toHaveLength(1);
    expect(forBob.data!.accessLog.nodes[0].withheld).toBe(true);
  });

  it('shows a citizen her own accesses in the data tracker, and hides withheld ones from their subject', async () => {
    const mine = await platform.query(
      '{ myDataAccesses { nodes { department purpose callerRole categories } } }',
      {},
      await bearer({ role: 'CITIZEN', subject: alice.id }),
    );
    expect(mine.errors).toBeUndefined();
    // the officer's read, her own, and the auditor's read of her trail in the test before (reads of the log are recorded)
    expect(mine.data!.myDataAccesses.nodes.map((n: { department: string; callerRole: string }) => [n.department, n.callerRole])).toEqual([
      ['audit', 'AUDITOR'],
      ['population', 'CITIZEN'],
      ['population', 'OFFICER'],
    ]);
    expect(mine.data!.myDataAccesses.nodes.map((n: { purpose: string | null }) => n.purpose)).toContain('case C20261125000007');
    const bobs = await platform.query('{ myDataAccesses { nodes { purpose } } }', {}, await bearer({ role: 'CITIZEN', subject: bob.id }));
    expect(bobs.data!.myDataAccesses.nodes).toEqual([]);
  });

  it('verifies, and detects an edit made directly in the database', async () => {
    const verify = '{ verifyAccessLog { ok entries firstBad { seq problem } } }';
    const intact = await platform.query(verify, {}, await auditor());
    // three reads of people, and the auditors' two reads of the log (one subject each)
    expect(intact.data!.verifyAccessLog).toMatchObject({ ok: true, entries: 5, firstBad: null });
    await platform.departments.audit!.orm.em.getConnection().execute("update access_entry set purpose = 'nothing to see' where seq = 1");
    const tampered = await platform.query(verify, {}, await auditor());
    expect(tampered.data!.verifyAccessLog).toMatchObject({ ok: false, firstBad: { seq: 1, problem: 'CHANGED' } });
  });
});

describe('access records survive the audit department being down', () => {
  let department: TestDepartment;
  let auditor: TestDepartment | undefined;
  let port: number;
  beforeAll(async () => {
    // reserve a port for the audit department, which is not running yet
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    department = await startTestDepartment(population, undefined, { auditIngestUrl: `http://127.0.0.1:${port}${INGEST_PATH}`, auditIntervalMs: 50 });
  });
  afterAll(async () => {
    await department?.close();
    await auditor?.close();
  });

  it('keeps them in the outbox, then delivers each exactly once', async () => {
    const as = { caller: { role: 'OFFICER' as const, subject: 'o', department: AGENCY, scopes: ['population:read'] }, purpose: 'case C1' };
    for (const i of [0, 1, 2])
      expect((await department.query('query($id: ResidentId!) { person(id: $id) { name } }', { id: personAt(7, i).id }, as)).errors).toBeUndefined();
    await expect(department.delivery!.flush()).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed background attempts
    const { startDepartment } = await import('../platform/department.js');
    const { testDatabase } = await import('../platform/testing.js');
    auditor = Object.assign(await startDepartment(audit, { port, target: testDatabase('audit'), seed: false }), { query: undefined as never });
    await department.delivery!.flush();
    await department.delivery!.flush(); // a second flush finds nothing left
    const rows = await auditor.orm.em.getConnection().execute('select count(*) as n, count(distinct id) as d from access_entry');
    expect(Number(rows[0].n)).toBe(3);
    expect(Number(rows[0].d)).toBe(3);
  });
});
