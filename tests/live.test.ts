import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { id status } }';
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

describe.each([
  { deployment: 'one cases department', partitioned: undefined },
  { deployment: 'cases partitioned by province (11, 44, national)', partitioned: { cases: ['11', '44'] as const } },
])('caseProgress over $deployment', ({ partitioned }) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({}, { partitioned });
  }, 180_000);
  afterAll(() => platform?.close());

  async function submitFor(who: { id: string }, province = '44'): Promise<{ id: string; agency: string }> {
    const implementation = sampleImplementations(7).find((i) => i.itemCode === ITEM && i.regionCode.startsWith(province))!;
    const input = { itemCode: ITEM, implementationCode: implementation.code, applicantKind: 'PERSON', applicantId: who.id, channel: 'WEB_PORTAL' };
    const res = await platform.query(SUBMIT, { input }, await citizen(who));
    expect(res.errors).toBeUndefined();
    return { id: res.data!.submitCase.id as string, agency: implementation.departmentCode };
  }

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
