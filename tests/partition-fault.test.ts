import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import type { GraphQLResult } from '../platform/testing.js';
import { registeredAgencies } from '../reference/agencies.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

/**
 * Issue 15, "Done when" 2: Guangdong's (44) instance of cases stops while a stream of requests runs (a
 * national list, Beijing's list, submissions in Beijing and in Guangdong) and starts again over the same
 * database. Beijing's answers stay complete throughout; the national answer is partial with an error
 * naming the department and the province; a submission in Guangdong fails cleanly while it is down;
 * nothing is lost; restarted, it answers again with all its data.
 */
const PROVINCES = ['11', '44'];
const DOWN = '44';
// delivered cases: the stream's submissions (SUBMITTED) never change these lists
const NATIONAL = '{ cases(status: DELIVERED, first: 100) { nodes { id status } pageInfo { hasNextPage } } }';
const BEIJING = '{ cases(region: "110000", status: DELIVERED, first: 100) { nodes { id status } pageInfo { hasNextPage } } }';
// each submission with its own idempotency key: one whose answer was lost is sent again, as a client would
const SUBMIT = 'mutation($input: SubmitCaseInput!, $key: String) { submitCase(input: $input, idempotencyKey: $key) { ... on Case { id } } }';
const alice = personAt(7, 0);

let platform: TestPlatform;
let officer: Record<string, string>;
let citizen: Record<string, string>;
beforeAll(async () => {
  platform = await startPlatform({ RATE_LIMIT_CAPACITY: '1000000000', RATE_LIMIT_REFILL_PER_SECOND: '1000000000' }, { partitioned: { cases: PROVINCES } });
  officer = {
    ...(await bearer({ role: 'OFFICER', subject: 'officer-fault', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] } as TokenRequest)),
    'x-purpose': encodeURIComponent('basis:licensing-review'),
  };
  citizen = await bearer({ role: 'CITIZEN', subject: alice.id });
}, 300_000);
afterAll(() => platform?.close(), 120_000);

const instance = (province: string | null) => platform.partitioned.cases!.instances.find((i) => i.province === province)!;
async function idsIn(province: string | null): Promise<string[]> {
  const rows: { id: string }[] = await (instance(province).orm.em.fork() as SqlEntityManager).execute('select id from cases order by id');
  return rows.map((r) => r.id);
}
const ids = (res: GraphQLResult, field = 'cases') => ((res.data?.[field]?.nodes ?? []) as { id: string }[]).map((n) => n.id);
function submission(province: string) {
  const implementation = sampleImplementations(7).find((i) => i.regionCode.startsWith(province) && i.itemCode === 'JF-040003-001')!;
  return { itemCode: implementation.itemCode, implementationCode: implementation.code, applicantKind: 'PERSON', applicantId: alice.id, channel: 'WEB_PORTAL' };
}

type Phase = 'up' | 'stopping' | 'down' | 'restarting' | 'again';
interface Sample {
  /** the phase when the request was sent and when it was answered */
  phases: [Phase, Phase];
  national: GraphQLResult;
  beijing: GraphQLResult;
  submitted: Record<string, GraphQLResult>;
  keys: Record<string, string>;
}

describe("one province's instance stopped under load, then restarted", () => {
  it('costs only its part, loses nothing, and rejoins with all its data', async () => {
    const national = await platform.query(NATIONAL, {}, officer);
    const beijing = await platform.query(BEIJING, {}, officer);
    expect(national.errors).toBeUndefined();
    expect(beijing.errors).toBeUndefined();
    // the lists are whole on one page, so an answer without Guangdong's part is exactly predictable
    expect(national.data!.cases.pageInfo.hasNextPage).toBe(false);
    const allDelivered = ids(national);
    const withoutDown = allDelivered.filter((id) => !id.startsWith(DOWN));
    expect(withoutDown.length).toBeGreaterThan(0);
    expect(withoutDown.length, 'Guangdong holds delivered cases').toBeLessThan(allDelivered.length);
    const heldBefore = await idsIn(DOWN);
    const inputs = Object.fromEntries(PROVINCES.map((p) => [p, submission(p)]));
    for (const p of PROVINCES) expect(inputs[p]!.implementationCode, p).toBeDefined();

    let phase: Phase = 'up';
    const samples: Sample[] = [];
    let running = true;
    let sequence = 0;
    // three callers, each sending its round of four requests at once, again and again
    const stream = async () => {
      while (running) {
        const sent = phase;
        const keys = Object.fromEntries(PROVINCES.map((p) => [p, `fault-${p}-${sequence++}`]));
        const [n, b, ...s] = await Promise.all([
          platform.query(NATIONAL, {}, officer),
          platform.query(BEIJING, {}, officer),
          ...PROVINCES.map((p) => platform.query(SUBMIT, { input: inputs[p], key: keys[p] }, citizen)),
        ]);
        samples.push({ phases: [sent, phase], national: n, beijing: b, submitted: Object.fromEntries(PROVINCES.map((p, i) => [p, s[i]!])), keys });
      }
    };
    const rounds = (p: Phase) => samples.filter((s) => s.phases[0] === p && s.phases[1] === p).length;
    const until = async (p: Phase, n: number) => {
      while (rounds(p) < n) await new Promise((r) => setTimeout(r, 20));
    };
    const streams = [stream(), stream(), stream()];
    await until('up', 3);
    phase = 'stopping';
    await instance(DOWN).close();
    phase = 'down';
    await until('down', 6);
    phase = 'restarting';
    await instance(DOWN).restart();
    phase = 'again';
    await until('again', 3);
    running = false;
    await Promise.all(streams);

    for (const s of samples) {
      const when = `sent ${s.phases[0]}, answered ${s.phases[1]}`;
      // Beijing's data is complete whatever Guangdong does, and so is every Beijing submission
      expect(s.beijing.status, when).toBe(200);
      expect(s.beijing.errors, when).toBeUndefined();
      expect(s.beijing.data, when).toEqual(beijing.data);
      expect(s.submitted['11']!.errors, when).toBeUndefined();
      const steady = s.phases[0] === s.phases[1];
      if (steady && s.phases[0] !== 'down') {
        // up, and again after the restart: the whole answer
        expect(s.national.errors, when).toBeUndefined();
        expect(s.national.data, when).toEqual(national.data);
        expect(s.submitted[DOWN]!.errors, when).toBeUndefined();
      } else if (steady) {
        // down: every other province's part, and an error naming the department and the province
        expect(s.national.status, when).toBe(200);
        expect(ids(s.national), when).toEqual(withoutDown);
        expect(
          s.national.errors?.map((e) => e.extensions),
          when,
        ).toEqual([expect.objectContaining({ department: 'cases', jurisdiction: DOWN })]);
        expect(s.national.errors?.[0]?.message, when).toMatch(/cases.*province 44/);
        // a submission in Guangdong fails cleanly: 502 (the project's status for a department that did not answer), its code and province, no case
        expect(s.submitted[DOWN]!.status, when).toBe(502);
        expect(s.submitted[DOWN]!.errors?.[0]?.extensions, when).toMatchObject({ department: 'cases', jurisdiction: DOWN });
        expect(s.submitted[DOWN]!.data?.submitCase ?? null, when).toBeNull();
        expect(s.submitted[DOWN]!.errors?.[0]?.extensions?.code, when).toBe('SUBGRAPH_UNAVAILABLE');
      }
    }

    // nothing lost: every submission that succeeded is held, by its province's instance only, once
    const accepted = (p: string) => samples.map((s) => s.submitted[p]!.data?.submitCase?.id as string | undefined).filter((id): id is string => !!id);
    const held = Object.fromEntries(await Promise.all([...PROVINCES, null].map(async (p) => [String(p), await idsIn(p)] as const)));
    for (const p of PROVINCES) {
      expect(
        accepted(p).filter((id) => !held[p]!.includes(id)),
        `accepted by ${p} but not held`,
      ).toEqual([]);
      expect(new Set(accepted(p)).size).toBe(accepted(p).length);
    }
    // a submission whose answer was lost (sent while Guangdong stopped) may or may not have been written:
    // sent again with its key, it is answered once, with the case it made or a new one
    const retried: string[] = [];
    for (const s of samples.filter((x) => !x.submitted[DOWN]!.data?.submitCase)) {
      const again = await platform.query(SUBMIT, { input: inputs[DOWN], key: s.keys[DOWN] }, citizen);
      expect(again.errors).toBeUndefined();
      retried.push(again.data!.submitCase.id as string);
    }
    expect(retried.length, 'some submissions in Guangdong failed while it was down').toBeGreaterThan(0);
    // nothing half-written, nothing doubled: Guangdong holds what it held, what it accepted and what was sent again, each once
    const now = (await idsIn(DOWN)).sort();
    expect(now).toEqual([...new Set([...heldBefore, ...accepted(DOWN), ...retried])].sort());
    expect(now.length).toBe(heldBefore.length + accepted(DOWN).length + retried.length);
    for (const p of ['11', 'null'])
      expect(
        held[p]!.filter((id) => id.startsWith(DOWN)),
        p,
      ).toEqual([]);

    // rejoined: the national list is whole again, and a case of Guangdong's answers by id
    const after = await platform.query(NATIONAL, {}, officer);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(national.data);
    const one = await platform.query('query($id: ID!) { case(id: $id) { id } }', { id: heldBefore[0] }, officer);
    expect(one.errors).toBeUndefined();
    expect(one.data?.case).toEqual({ id: heldBefore[0] });
  }, 300_000);
});
