import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { followCases, type CaseUpdate } from '../clients/portal/example/case-progress.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { registeredAgencies } from '../reference/agencies.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { refusalOf, subscribe } from './helpers/live.js';
import { bearer } from './helpers/tokens.js';

// Live case progress (Subscription.caseProgress): Server-Sent Events at the gateway's endpoint, through
// a real graphql-sse client, over one cases department and over cases partitioned by province.

const alice = personAt(7, 0);
const bob = personAt(7, 4);
const PROGRESS = 'subscription($id: ID) { caseProgress(id: $id) { id status item { name } events { status } } }';
const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }';
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { ... on Case { id status } } }';
const ITEM = 'JF-040003-001';

const citizen = (who: { id: string }, expiresIn?: string) => bearer({ role: 'CITIZEN', subject: who.id, ...(expiresIn ? { expiresIn } : {}) });
const officerOf = async (agency: string, scopes = ['cases:read', 'cases:write']) => ({
  ...(await bearer({ role: 'OFFICER', subject: 'officer-1', department: agency, scopes })),
  'x-purpose': encodeURIComponent('basis:licensing-review'),
});
const statuses = (events: { data?: unknown }[]) => events.map((e) => (e.data as { caseProgress: { status: string } }).caseProgress.status);
const ids = (events: { data?: unknown }[]) => events.map((e) => (e.data as { caseProgress: { id: string } }).caseProgress.id);
/** the subscriptions' streams are open once the gateway answered; a short pause lets the department's listener attach */
const settled = () => new Promise((r) => setTimeout(r, 300));

/** A citizen's application for ITEM in a province: the case id and the agency that implements it. */
async function submitIn(platform: TestPlatform, who: { id: string }, province: string): Promise<{ id: string; agency: string }> {
  const implementation = sampleImplementations(7).find((i) => i.itemCode === ITEM && i.regionCode.startsWith(province))!;
  const input = { itemCode: ITEM, implementationCode: implementation.code, applicantKind: 'PERSON', applicantId: who.id, channel: 'WEB_PORTAL' };
  const res = await platform.query(SUBMIT, { input }, await citizen(who));
  expect(res.errors).toBeUndefined();
  return { id: res.data!.submitCase.id as string, agency: implementation.departmentCode };
}

describe.each([
  { deployment: 'one cases department', partitioned: undefined },
  { deployment: 'cases partitioned by province (11, 44, national)', partitioned: { cases: ['11', '44'] as const } },
])('caseProgress over $deployment', ({ partitioned }) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({}, { partitioned });
  }, 180_000);
  afterAll(() => platform?.close());

  const submitFor = (who: { id: string }, province = '44') => submitIn(platform, who, province);

  it("tells a citizen each change of their own cases, with other departments' fields, and nobody else's", async () => {
    const own = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice));
    const other = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(bob));
    await settled();
    const submitted = await submitFor(alice);
    const accepted = await platform.query(ACCEPT, { id: submitted.id }, await officerOf(submitted.agency));
    expect(accepted.errors).toBeUndefined();
    const events = await own.next(2);
    expect(events.map((e) => e.errors)).toEqual([undefined, undefined]);
    expect(statuses(events)).toEqual(['SUBMITTED', 'ACCEPTED']);
    expect((events[1]!.data as any).caseProgress).toMatchObject({
      id: submitted.id,
      item: { name: expect.any(String) },
      events: [{ status: 'SUBMITTED' }, { status: 'ACCEPTED' }],
    });
    // bob's stream had alice's two changes before his own, and left them out
    const bobs = await submitFor(bob);
    expect(ids(await other.next(1))).toEqual([bobs.id]);
    own.close();
    other.close();
  });

  it('follows one case by id, and a citizen follows their cases in every province', async () => {
    const first = await submitFor(alice, '44');
    const one = subscribe(platform.gateway.url, PROGRESS, { id: first.id }, await citizen(alice));
    const all = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice));
    await settled();
    const elsewhere = await submitFor(alice, '33'); // no instance of its own: the national one holds it
    const beijing = await submitFor(alice, '11');
    await platform.query(ACCEPT, { id: first.id }, await officerOf(first.agency));
    expect(new Set(ids(await all.next(3)))).toEqual(new Set([elsewhere.id, beijing.id, first.id]));
    const mine = await one.next(1);
    expect(ids(mine)).toEqual([first.id]);
    expect(statuses(mine)).toEqual(['ACCEPTED']);
    one.close();
    all.close();
  });

  it("refuses another citizen's case exactly as an unknown case, before anything streams, as Query.case does", async () => {
    const theirs = await submitFor(alice);
    const unknown = `${theirs.id.slice(0, -1)}${theirs.id.endsWith('0') ? '1' : '0'}`;
    const asOther = await refusalOf(subscribe(platform.gateway.url, PROGRESS, { id: theirs.id }, await citizen(bob)));
    const asUnknown = await refusalOf(subscribe(platform.gateway.url, PROGRESS, { id: unknown }, await citizen(bob)));
    expect(asOther.status).toBeGreaterThanOrEqual(400);
    expect(asOther).toEqual(asUnknown);
    const query = await platform.query('query($id: ID!) { case(id: $id) { id } }', { id: theirs.id }, await citizen(bob));
    expect(asOther.codes).toEqual(query.errors!.map((e) => e.extensions?.code));
  });

  it('tells a withdrawal (撤回), and nothing of a step that changed nothing (a typed problem)', async () => {
    const submitted = await submitFor(alice);
    const follower = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice));
    await settled();
    const WITHDRAW = 'mutation($id: ID!) { withdrawCase(id: $id, reason: "改期办理") { __typename } }';
    expect((await platform.query(WITHDRAW, { id: submitted.id }, await citizen(alice))).data?.withdrawCase).toEqual({ __typename: 'Case' });
    // accepting a withdrawn case is IllegalTransition, as data: nothing changed, nothing to tell
    const ACCEPT_TYPED = 'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { __typename } }';
    const refused = await platform.query(ACCEPT_TYPED, { id: submitted.id }, await officerOf(submitted.agency));
    expect(refused.data?.acceptCase).toEqual({ __typename: 'IllegalTransition' });
    const later = await submitFor(alice);
    const events = await follower.next(2);
    expect(ids(events)).toEqual([submitted.id, later.id]);
    expect(statuses(events)).toEqual(['WITHDRAWN', 'SUBMITTED']);
    follower.close();
  });

  it('refuses an anonymous caller, even one selecting only __typename, and an officer without the duty', async () => {
    // as an anonymous query for a case is refused
    const asQuery = await platform.query('{ case(id: "44C2026010100000001") { __typename } }');
    expect(asQuery.status).toBeGreaterThanOrEqual(400);
    for (const query of [PROGRESS, 'subscription { caseProgress { __typename } }']) {
      const refused = await refusalOf(subscribe(platform.gateway.url, query, {}, {}));
      expect(refused.status).toBe(asQuery.status);
      expect(refused.codes).toEqual(asQuery.errors!.map((e) => e.extensions?.code));
    }
    const agency = registeredAgencies()[0]!.code;
    const refused = await refusalOf(subscribe(platform.gateway.url, PROGRESS, {}, await officerOf(agency, ['cases:write'])));
    expect(refused).toMatchObject({ status: 403, codes: ['FORBIDDEN'] });
  });

  it("tells an officer the changes of their own agency's cases only", async () => {
    const first = await submitFor(alice, '44');
    const other = sampleImplementations(7).find((i) => i.itemCode === ITEM && i.regionCode.startsWith('11'))!;
    expect(other.departmentCode).not.toBe(first.agency);
    const officer = subscribe(platform.gateway.url, PROGRESS, {}, await officerOf(other.departmentCode));
    await settled();
    await platform.query(ACCEPT, { id: first.id }, await officerOf(first.agency));
    const theirs = await submitFor(bob, '11');
    expect(ids(await officer.next(1))).toEqual([theirs.id]);
    officer.close();
  });

  it('answers a subscription sent as plain JSON with a 400 that says how to subscribe', async () => {
    const res = await platform.query(PROGRESS, {}, await citizen(alice));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(res.errors?.[0]?.message).toContain('text/event-stream');
  });

  it('ends when the token that opened it expires', async () => {
    const short = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice, '2s'));
    const events = await short.next(1);
    expect(events.map((e) => e.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await short.ended).toBeNull();
  });
});

describe('caseProgress for a front end, with trusted documents enforced, across provinces', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    vi.stubEnv('TRUSTED_DOCUMENTS', 'enforce');
    platform = await startPlatform({}, { partitioned: { cases: ['11', '44'] } });
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await platform?.close();
  });

  const submitFor = (who: { id: string }, province: string) => submitIn(platform, who, province);

  it("runs the portal's registered subscription by id, and refuses the portal's own text and the hall's document", async () => {
    const updates: CaseUpdate[] = [];
    const ended: unknown[] = [];
    const stop = followCases(
      platform.gateway.url,
      (await citizen(alice)).authorization!.slice(7),
      (u) => updates.push(u),
      (e) => ended.push(e),
      (e) => ended.push(e),
    );
    await settled();
    const submitted = await submitFor(alice, '44');
    await expect.poll(() => updates.map((u) => u.id), { timeout: 20_000 }).toEqual([submitted.id]);
    expect(updates[0]).toMatchObject({ status: 'SUBMITTED', item: { name: expect.any(String) }, events: [{ status: 'SUBMITTED' }] });
    stop();
    expect(ended).toEqual([]);

    const portal = { ...(await citizen(alice)), 'apollographql-client-name': 'govgraph-portal' };
    const asText = await refusalOf(subscribe(platform.gateway.url, PROGRESS, {}, portal));
    expect(asText).toMatchObject({ status: 403, codes: ['PERSISTED_QUERY_NOT_ALLOWED'] });
    const hall = JSON.parse(readFileSync(new URL('../clients/hall/generated/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
    const hallId = Object.keys(hall).find((id) => hall[id]!.includes('AgencyCaseProgress'))!;
    const asHall = await refusalOf(
      subscribe(platform.gateway.url, '', {}, portal, { persistedQuery: { version: 1, sha256Hash: hallId.replace('sha256:', '') } }),
    );
    expect(asHall).toMatchObject({ status: 403, codes: ['PERSISTED_QUERY_NOT_ALLOWED'] });
  });

  it('records each event as a read of the case, in the instance that holds it', async () => {
    const follower = subscribe(platform.gateway.url, 'subscription { caseProgress { id events { status handler } } }', {}, await citizen(bob));
    await settled();
    const submitted = await submitFor(bob, '44');
    await follower.next(1);
    follower.close();
    for (const i of platform.partitioned.cases!.instances) await i.delivery?.flush();
    const LOG = 'query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { department instance fields caller { role } } } }';
    const log = await platform.query(LOG, { s: bob.id }, await bearer({ role: 'AUDITOR', subject: 'auditor-1' }));
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog.nodes).toContainEqual({ department: 'cases', instance: 'cases@44', fields: ['Case.events'], caller: { role: 'CITIZEN' } });
    expect(submitted.id.slice(0, 2)).toBe('44');
  });

  it("goes on with the other provinces' updates while one instance is down, after one error naming it", async () => {
    const follower = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice));
    await settled();
    const guangdong = platform.partitioned.cases!.instances.find((i) => i.province === '44')!;
    await guangdong.close();
    try {
      const [outage] = await follower.next(1);
      expect(outage!.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', department: 'cases', jurisdiction: '44' });
      const beijing = await submitFor(alice, '11');
      expect(ids((await follower.next(2)).slice(1))).toEqual([beijing.id]);
    } finally {
      follower.close();
      await guangdong.restart();
    }
  });
});
