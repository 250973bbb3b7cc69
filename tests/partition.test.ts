import { compareNewestFirst } from '../platform/pagination.js';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceOfDivision } from '../platform/partition/jurisdiction.js';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import { gatewaySigner } from '../platform/security/gateway-token.js';
import { devKeyPair } from '../platform/security/keys.js';
import { post, requestBody } from '../platform/testing.js';
import { registeredAgencies } from '../reference/agencies.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

/**
 * Administrative levels: the one-network platform (cases) partitioned by province. Beijing (11) and
 * Guangdong (44) run their own instance over their own database; the national instance serves every
 * other province. A jurisdiction router stands at the department's URL; the gateway and the supergraph
 * are those of the unpartitioned graph.
 */
const PROVINCES = ['11', '44'];
const CASE = 'query($id: ID!) { case(id: $id) { id region { code } } }';
const CASES = 'query($region: DivisionCode) { cases(region: $region, first: 100) { nodes { id region { code } } } }';
const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id region { code } } } }';
const reader = () =>
  bearer({ role: 'OFFICER', subject: 'officer-1', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] } as TokenRequest).then((h) => ({
    ...h,
    'x-purpose': encodeURIComponent('basis:licensing-review'),
  }));

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform({}, { partitioned: { cases: PROVINCES } });
});
afterAll(() => platform?.close());

const instance = (province: string | null) => platform.partitioned.cases!.instances.find((i) => i.province === province)!;
async function rowsOf(province: string | null): Promise<{ id: string; region_code: string }[]> {
  return (instance(province).orm.em.fork() as SqlEntityManager).execute('select id, region_code from cases order by id');
}

describe('cases partitioned by province', () => {
  it("holds each province's cases in its own instance, and the rest in the national one", async () => {
    for (const province of [...PROVINCES, null]) {
      const rows = await rowsOf(province);
      expect(rows.length, `cases@${province}`).toBeGreaterThan(0);
      for (const row of rows) {
        const of = provinceOfDivision(row.region_code);
        if (province === null) expect(PROVINCES).not.toContain(of);
        else expect(of).toBe(province);
        // its id names its jurisdiction, so a look-up by id needs no directory
        expect(row.id.slice(0, 2)).toBe(of);
      }
    }
  });

  it('answers a case by id from the instance of its province, through the gateway, for every instance', async () => {
    for (const province of [...PROVINCES, null]) {
      const [row] = await rowsOf(province);
      const res = await platform.query(CASE, { id: row!.id }, await reader());
      expect(res.errors, `cases@${province}`).toBeUndefined();
      expect(res.data?.case).toEqual({ id: row!.id, region: { code: row!.region_code } });
    }
  });

  it("lists a province's cases from its instance alone: the same cases it holds", async () => {
    const res = await platform.query(CASES, { region: '440000' }, await reader());
    expect(res.errors).toBeUndefined();
    const ids = (res.data?.cases.nodes as { id: string }[]).map((n) => n.id).sort();
    expect(ids).toEqual((await rowsOf('44')).map((r) => r.id).slice(0, 100));
  });

  it("writes a new case in its province's instance only", async () => {
    const alice = personAt(7, 0);
    for (const province of ['44', '33']) {
      const implementation = sampleImplementations(7).find((i) => i.regionCode.startsWith(province) && i.itemCode === 'JF-040003-001')!;
      const input = {
        itemCode: implementation.itemCode,
        implementationCode: implementation.code,
        applicantKind: 'PERSON',
        applicantId: alice.id,
        channel: 'WEB_PORTAL',
      };
      const res = await platform.query(SUBMIT, { input }, await bearer({ role: 'CITIZEN', subject: alice.id }));
      expect(res.errors, province).toBeUndefined();
      const id: string = res.data!.submitCase.id;
      expect(id.slice(0, 2)).toBe(province);
      const holder = PROVINCES.includes(province) ? province : null;
      for (const p of [...PROVINCES, null])
        expect(
          (await rowsOf(p)).some((r) => r.id === id),
          `cases@${p}`,
        ).toBe(p === holder);
    }
  });

  it("a citizen's own cases come from every province they applied in, newest first; another citizen gets none of them", async () => {
    const alice = personAt(7, 0);
    const OWN = 'query($id: ResidentId!) { person(id: $id) { cases(first: 10) { nodes { id } pageInfo { hasNextPage } } } }';
    const res = await platform.query(OWN, { id: alice.id }, await bearer({ role: 'CITIZEN', subject: alice.id }));
    expect(res.errors).toBeUndefined();
    const own = await Promise.all(
      [...PROVINCES, null].map(
        async (p) =>
          (await (instance(p).orm.em.fork() as SqlEntityManager).execute('select id from cases where applicant_id = ?', [alice.id])) as { id: string }[],
      ),
    );
    const ids = (res.data!.person.cases.nodes as { id: string }[]).map((n) => n.id);
    // hers in every instance (the two the test above wrote, in Guangdong's and the national one, among them), newest first
    expect(ids).toEqual(
      own
        .flat()
        .map((r) => r.id)
        .sort(compareNewestFirst)
        .slice(0, 10),
    );
    expect(own.filter((rows) => rows.length > 0).length).toBeGreaterThan(1);
    for (const province of ['44', '33']) expect(ids.some((id) => id.startsWith(province))).toBe(true);
    // the attacker: another citizen asking for alice's cases, from every instance at once
    const bob = personAt(7, 1);
    const attack = await platform.query(OWN, { id: alice.id }, await bearer({ role: 'CITIZEN', subject: bob.id }));
    expect(JSON.stringify(attack.data ?? {})).not.toMatch(/\d{2}C\d{8}/);
    expect(attack.errors?.length).toBeGreaterThan(0);
    // one refusal, not one per instance: the answer does not say how many provinces hold something
    expect(new Set(attack.errors!.map((e) => e.message)).size).toBe(attack.errors!.length);
  });

  it("an officer changes records of their own agency's province only: another province's officer is refused and nothing changes", async () => {
    const bob = personAt(7, 2);
    const implementation = sampleImplementations(7).find((i) => i.regionCode.startsWith('44') && i.itemCode === 'JF-040003-001')!;
    const input = {
      itemCode: implementation.itemCode,
      implementationCode: implementation.code,
      applicantKind: 'PERSON',
      applicantId: bob.id,
      channel: 'WEB_PORTAL',
    };
    const submitted = await platform.query(SUBMIT, { input }, await bearer({ role: 'CITIZEN', subject: bob.id }));
    const id: string = submitted.data!.submitCase.id;
    const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { ... on Case { id status } } }';
    const officerOf = async (province: string) =>
      bearer({
        role: 'OFFICER',
        subject: `officer-${province}`,
        department: registeredAgencies().find((a) => a.regionCode.startsWith(province))!.code,
        scopes: ['cases:read', 'cases:write'],
      } as TokenRequest);
    const status = async () =>
      ((await (instance('44').orm.em.fork() as SqlEntityManager).execute('select status from cases where id = ?', [id])) as { status: string }[])[0]!.status;
    // the attacker: a Beijing officer with every scope, at the Guangdong case
    const attack = await platform.query(ACCEPT, { id }, await officerOf('11'));
    expect(attack.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(attack.errors?.[0]?.message).toMatch(/own agency's province only.*province 44.*province 11/);
    expect(attack.data?.acceptCase ?? null).toBeNull();
    expect(await status()).toBe('SUBMITTED');
    // an id that names no province is no province's record: refused to an officer too, before any instance
    const nowhere = await platform.query(ACCEPT, { id: `99${id.slice(2)}` }, await officerOf('11'));
    expect(nowhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // a Guangdong window accepts it (一窗受理 within the province)
    const ok = await platform.query(ACCEPT, { id }, { ...(await officerOf('44')), 'x-purpose': encodeURIComponent('basis:licensing-review') });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.acceptCase).toEqual({ id, status: 'ACCEPTED' });
    expect(await status()).toBe('ACCEPTED');
  });

  it("a citizen withdraws their own case in any province's instance; a stranger there gets the unknown id's NOT_FOUND", async () => {
    const carol = personAt(7, 3);
    const implementation = sampleImplementations(7).find((i) => i.regionCode.startsWith('44') && i.itemCode === 'JF-040003-001')!;
    const input = {
      itemCode: implementation.itemCode,
      implementationCode: implementation.code,
      applicantKind: 'PERSON',
      applicantId: carol.id,
      channel: 'WEB_PORTAL',
    };
    const submitted = await platform.query(SUBMIT, { input }, await bearer({ role: 'CITIZEN', subject: carol.id }));
    const id: string = submitted.data!.submitCase.id;
    expect(id.slice(0, 2)).toBe('44');
    const WITHDRAW = 'mutation($id: ID!) { withdrawCase(id: $id, reason: "重复申请") { __typename ... on Case { id status } } }';
    const status = async () =>
      ((await (instance('44').orm.em.fork() as SqlEntityManager).execute('select status from cases where id = ?', [id])) as { status: string }[])[0]!.status;
    const stranger = await bearer({ role: 'CITIZEN', subject: personAt(7, 4).id });
    const attack = await platform.query(WITHDRAW, { id }, stranger);
    const unknown = await platform.query(WITHDRAW, { id: `44${id.slice(2, -1)}${id.endsWith('0') ? '1' : '0'}` }, stranger);
    expect([attack.errors?.map((e) => e.extensions?.code), unknown.errors?.map((e) => e.extensions?.code)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    expect(await status()).toBe('SUBMITTED');
    const own = await platform.query(WITHDRAW, { id }, await bearer({ role: 'CITIZEN', subject: carol.id }));
    expect(own.errors).toBeUndefined();
    expect(own.data!.withdrawCase).toEqual({ __typename: 'Case', id, status: 'WITHDRAWN' });
    expect(await status()).toBe('WITHDRAWN');
  });

  it('splits an entity fetch by the province of each key and puts the answers back in order', async () => {
    // evaluation is not partitioned here: its list of ratings names cases of every province, which the
    // gateway fetches from cases in one _entities request
    const headers = await bearer({
      role: 'OFFICER',
      subject: 'officer-2',
      department: registeredAgencies()[0]!.code,
      scopes: ['evaluation:read', 'cases:read'],
    } as TokenRequest);
    const res = await platform.query(
      '{ evaluations(first: 40) { nodes { id case { id region { code } } } } }',
      {},
      { ...headers, 'x-purpose': encodeURIComponent('basis:licensing-review') },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.evaluations.nodes as { id: string; case: { id: string; region: { code: string } } }[];
    const provinces = new Set(nodes.map((n) => n.case.id.slice(0, 2)));
    // the fetch did span instances: Beijing's, Guangdong's and the national one
    expect([...provinces].filter((p) => PROVINCES.includes(p)).length).toBe(2);
    expect([...provinces].some((p) => !PROVINCES.includes(p))).toBe(true);
    const held = new Map((await Promise.all([...PROVINCES, null].map(rowsOf))).flat().map((r) => [r.id, r.region_code]));
    for (const n of nodes) {
      // each rating got its own case back, from the instance that holds it
      expect(n.case.id).toBe(`${n.id.slice(0, 2)}${n.id.slice(4)}`);
      expect(n.case.region.code).toBe(held.get(n.case.id));
    }
  });

  it('takes the default page size when first is an omitted variable, as each instance does', async () => {
    const res = await platform.query('query($n: Int) { cases(first: $n) { nodes { id } } }', {}, await reader());
    expect(res.errors).toBeUndefined();
    expect(res.data!.cases.nodes).toHaveLength(20);
  });

  it('merges a list across every province as one instance would answer it, page after page', async () => {
    const all = (await Promise.all([...PROVINCES, null].map(rowsOf))).flat().map((r) => r.id);
    const expected = all.sort(compareNewestFirst);
    const PAGE = 'query($after: String) { cases(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: { data?: Record<string, any> | null; errors?: unknown[] } = await platform.query(PAGE, { after }, await reader());
      expect(res.errors).toBeUndefined();
      seen.push(...(res.data!.cases.nodes as { id: string }[]).map((n) => n.id));
      expect(res.data!.cases.pageInfo.hasNextPage).toBe(true);
      after = res.data!.cases.pageInfo.endCursor as string;
    }
    // exactly the first 21 of all three instances' cases, newest first, with nothing skipped or repeated
    expect(seen).toEqual(expected.slice(0, 21));
    // the pages drew on more than one instance
    expect(new Set(seen.map((id) => id.slice(0, 2))).size).toBeGreaterThan(1);
  });

  it('answers a national list beside a look-up in one province, each where it belongs', async () => {
    const all = (await Promise.all([...PROVINCES, null].map(rowsOf))).flat().map((r) => r.id);
    const [one] = (await rowsOf('44')).map((r) => r.id);
    const res = await platform.query('query($id: ID!) { cases(first: 3) { nodes { id } } a: case(id: $id) { id } }', { id: one }, await reader());
    expect(res.errors).toBeUndefined();
    expect(res.data!.cases.nodes.map((n: { id: string }) => n.id)).toEqual(all.sort(compareNewestFirst).slice(0, 3));
    expect(res.data!.a).toEqual({ id: one });
  });

  it("an instance accepts only tokens made for it: not the gateway's token for the department, not another instance's", async () => {
    const query = '{ handlesCase(id: "44C1") }';
    const claims = {
      caller: { role: 'OFFICER' as const, subject: 'o', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] },
      purpose: null,
      requestId: 'attack',
      clientName: null,
    };
    const body = requestBody(query);
    const gateway = await gatewaySigner((await devKeyPair('gateway')).privateJwk);
    const router = await gatewaySigner(platform.routerKeys.privateJwk);
    const target = instance('44').url;
    for (const token of [
      await gateway('cases', claims, body),
      await gateway('cases@44', claims, body),
      await router('cases@11', claims, body),
      await router('cases', claims, body),
    ]) {
      const res = await post(target, query, {}, { 'x-gateway-token': token });
      expect(res.status).toBe(401);
    }
    // nor does the router take an instance's token, or its own, in the gateway's place
    const router_ = platform.partitioned.cases!.url;
    for (const token of [await router('cases', claims, body), await gateway('cases@44', claims, body), undefined]) {
      const res = await post(router_, query, {}, token ? { 'x-gateway-token': token } : {});
      expect(res.status).toBe(401);
    }
    // the router's token for this instance is accepted: the refusals above are about the token alone
    expect((await post(target, query, {}, { 'x-gateway-token': await router('cases@44', claims, body) })).status).toBe(200);
  });

  it("an instance that is down costs only its province's part of the answer, with an error naming it", async () => {
    const [beijing] = await rowsOf('11');
    const [guangdong] = await rowsOf('44');
    await instance('44').close();
    const both = `query($a: ID!, $b: ID!) { a: case(id: $a) { id } b: case(id: $b) { id } }`;
    const res = await platform.query(both, { a: beijing!.id, b: guangdong!.id }, await reader());
    expect(res.data?.a).toEqual({ id: beijing!.id });
    expect(res.data?.b ?? null).toBeNull();
    expect(res.errors?.some((e) => /province 44/.test(e.message) && /cases/.test(e.message))).toBe(true);
  });
});

/** The 12345 hotline and 好差评 partitioned the same way: the routing is the department's SDL, nothing else. */
describe('evaluation and appeals partitioned by province', () => {
  let split: TestPlatform;
  beforeAll(async () => {
    split = await startPlatform({}, { partitioned: { evaluation: PROVINCES, appeals: PROVINCES } });
  });
  afterAll(() => split?.close());

  const officer = async (province = '11') => ({
    ...(await bearer({
      role: 'OFFICER',
      subject: 'officer-3',
      department: registeredAgencies().find((a) => a.regionCode.startsWith(province))!.code,
      scopes: ['evaluation:read', 'appeals:read', 'appeals:write'],
    } as TokenRequest)),
    'x-purpose': encodeURIComponent('basis:licensing-review'),
  });
  const rows = async (department: string, province: string | null, table: string) =>
    (await (split.partitioned[department]!.instances.find((i) => i.province === province)!.orm.em.fork() as SqlEntityManager).execute(
      `select id, region_code from ${table} order by id`,
    )) as { id: string; region_code: string }[];

  it("holds each province's ratings and appeals in its own instance, by id and by region", async () => {
    for (const [department, table] of [
      ['evaluation', 'evaluation'],
      ['appeals', 'appeal'],
    ] as const) {
      for (const province of [...PROVINCES, null]) {
        const held = await rows(department, province, table);
        expect(held.length, `${department}@${province}`).toBeGreaterThan(0);
        for (const row of held) {
          const of = provinceOfDivision(row.region_code);
          if (province === null) expect(PROVINCES).not.toContain(of);
          else expect(of).toBe(province);
          expect(row.id.slice(0, 2)).toBe(of);
        }
      }
    }
  });

  it("answers a rating and an appeal by id from its instance, and a province's appeals from its instance alone", async () => {
    for (const province of [...PROVINCES, null]) {
      const [rating] = await rows('evaluation', province, 'evaluation');
      const [appeal] = await rows('appeals', province, 'appeal');
      const res = await split.query(
        'query($e: ID!, $a: ID!) { evaluation(id: $e) { id } appeal(id: $a) { id region { code } } }',
        { e: rating!.id, a: appeal!.id },
        await officer(),
      );
      expect(res.errors, `${province}`).toBeUndefined();
      expect(res.data).toEqual({ evaluation: { id: rating!.id }, appeal: { id: appeal!.id, region: { code: appeal!.region_code } } });
    }
    const list = await split.query('{ appeals(region: "110000", first: 100) { nodes { id } } }', {}, await officer());
    expect(list.errors).toBeUndefined();
    const ids = (list.data!.appeals.nodes as { id: string }[]).map((n) => n.id).sort();
    expect(ids).toEqual(
      (await rows('appeals', '11', 'appeal'))
        .map((r) => r.id)
        .sort()
        .reverse()
        .slice(0, 100)
        .sort(),
    );
  });

  it("registers an appeal in its region's province instance only", async () => {
    const input = { kind: 'CONSULTATION', category: 'HEALTH', text: '异地就医备案怎么办理？', region: '440106', channel: 'HOTLINE' };
    const REGISTER = 'mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id } }';
    // Guangdong's hotline registers it; Beijing's may not write in Guangdong's instance
    const attack = await split.query(REGISTER, { input }, await officer('11'));
    expect(attack.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await split.query(REGISTER, { input }, await officer('44'));
    expect(res.errors).toBeUndefined();
    const id: string = res.data!.registerAppeal.id;
    expect(id.slice(0, 2)).toBe('44');
    for (const p of [...PROVINCES, null])
      expect(
        (await rows('appeals', p, 'appeal')).some((r) => r.id === id),
        `appeals@${p}`,
      ).toBe(p === '44');
  });
});
