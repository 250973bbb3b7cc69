import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsSigner } from '../platform/security/department-claims.js';
import { newKeyPair } from '../platform/security/keys.js';
import { RATING_TICKETS, ticketClaims, type RatingTicket } from '../platform/security/rating-ticket.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { todayInChina } from '../platform/time.js';

// 好差评 that cannot be faked: a rating is accepted only from the case's applicant (or the
// person who acted for them), once the case has ended, once, with the case's own item,
// region and agency, which the review system learns from the cases department's signed ticket.

const SEED = 7; // the test platform seeds 50 people with seed 7
const today = todayInChina();
// 失业保险金申领: persons, online or at the hall
const IMPL = sampleImplementations(SEED).find((i) => i.itemCode === 'JF-040003-001')!;
// what a forger would rather hurt: another item, in another region, of another agency
const OTHER = sampleImplementations(SEED).find((i) => i.itemCode !== IMPL.itemCode && i.regionCode.slice(0, 2) !== IMPL.regionCode.slice(0, 2))!;
const alice = personAt(SEED, 0).id; // applicant
const bob = personAt(SEED, 4).id; // another citizen
const grace = personAt(SEED, 8).id; // acts for henry (帮代办)
const henry = personAt(SEED, 12).id;
const NO_SUCH_CASE = '11C2026010899999999';
/** A case's evaluation: its province, E-, the case id without its province. */
const evaluationOf = (caseId: string) => `${caseId.slice(0, 2)}E-${caseId.slice(2)}`;

const as = (subject: string) => bearer({ role: 'CITIZEN', subject });
const officer = () =>
  bearer({ role: 'OFFICER', subject: 'officer-9', department: IMPL.departmentCode, scopes: ['cases:read', 'cases:write', 'evaluation:read'] });
const PURPOSE = { 'x-purpose': 'ratings test' };
const RATE = `mutation($input: RateCaseInput!, $key: String) { rateCase(input: $input, idempotencyKey: $key) {
  id level case { id } evaluator { ... on Person { id } } serviceItem { code } region { code } department { code } } }`;
const DIMENSIONS = { overall: 2, efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 2 };
const rating = (caseId: string, ratingTicket: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  ratingTicket,
  level: 'VERY_DISSATISFIED',
  comment: '一直没人处理',
  dimensions: DIMENSIONS,
  channel: 'MOBILE_APP',
  ...extra,
});

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

async function submit(caller: string, applicantId: string): Promise<string> {
  const input = { itemCode: IMPL.itemCode, implementationCode: IMPL.code, applicantKind: 'PERSON', applicantId, channel: 'WEB_PORTAL' };
  const { data, errors } = await platform.query(
    'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }',
    { input },
    await as(caller),
  );
  expect(errors).toBeUndefined();
  return data?.submitCase.id;
}

/** Officer steps; each must succeed. */
async function steps(id: string, ...mutations: string[]): Promise<void> {
  for (const mutation of mutations) {
    const reason = mutation === 'rejectCase' ? ', reason: "材料不全"' : '';
    const { data, errors } = await platform.query(
      `mutation($id: ID!) { ${mutation}(id: $id, channel: SERVICE_HALL${reason}) { __typename ... on Case { id status } } }`,
      { id },
      { ...(await officer()), ...PURPOSE },
    );
    expect(errors, mutation).toBeUndefined();
    expect(data?.[mutation].__typename, mutation).toBe('Case');
  }
}
const DELIVER = ['acceptCase', 'startReview', 'approveCase', 'deliverCase'];

async function ticket(id: string, subject: string) {
  return platform.query<{ case: { status: string; ratingTicket: string | null } }>(
    'query($id: ID!) { case(id: $id) { status ratingTicket } }',
    { id },
    await as(subject),
  );
}
async function ticketOf(id: string, subject: string): Promise<string> {
  const { data, errors } = await ticket(id, subject);
  expect(errors).toBeUndefined();
  expect(data?.case.ratingTicket).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return data!.case.ratingTicket!;
}

const rate = async (subject: string, input: Record<string, unknown>, key?: string) => platform.query(RATE, { input, key }, await as(subject));

/** Published satisfaction today of the case's item, agency and region, and of those a forger would name; and the evaluations of the cases. */
async function figures(caseIds: string[]) {
  const window = `from: "${today}", to: "${today}"`;
  const of = `satisfaction(${window}) { evaluations badReviews byLevel { level count } }`;
  const { data, errors } = await platform.query(
    `{ item: serviceItem(code: "${IMPL.itemCode}") { ${of} } agency: department(code: "${IMPL.departmentCode}") { ${of} }
      region: region(code: "${IMPL.regionCode}") { ${of} } otherItem: serviceItem(code: "${OTHER.itemCode}") { ${of} }
      otherAgency: department(code: "${OTHER.departmentCode}") { ${of} } otherRegion: region(code: "${OTHER.regionCode}") { ${of} } }`,
    {},
    await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' }),
  );
  expect(errors).toBeUndefined();
  const rated: Record<string, unknown> = {};
  for (const id of caseIds) {
    const list = await platform.query('query($c: ID) { evaluations(case: $c) { nodes { id level } } }', { c: id }, { ...(await officer()), ...PURPOSE });
    expect(list.errors).toBeUndefined();
    rated[id] = list.data?.evaluations.nodes;
  }
  return { published: data, rated };
}

function expectRefused(
  result: { status: number; data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] },
  code: string,
  message?: RegExp,
) {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.status).toBeLessThan(500);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(result.errors)).not.toMatch(/SQL|stack|at .*\.ts/i);
}

/** A ticket's payload, changed and put back with the original signature. */
function altered(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('好差评 that cannot be faked (rateCase with the case’s rating ticket)', () => {
  let delivered: string; // alice's, delivered
  let rejected: string; // alice's, not accepted
  let open: string; // alice's, still under review
  let forHenry: string; // henry's, submitted by grace as agent, delivered
  let before: Awaited<ReturnType<typeof figures>>;

  beforeAll(async () => {
    delivered = await submit(alice, alice);
    await steps(delivered, ...DELIVER);
    rejected = await submit(alice, alice);
    await steps(rejected, 'rejectCase');
    open = await submit(alice, alice);
    await steps(open, 'acceptCase', 'startReview');
    // grace acts for henry (帮代办) under his mandate for the item
    const mandate = {
      principalKind: 'PERSON',
      principalId: henry,
      agentId: grace,
      itemCodes: [IMPL.itemCode],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    const granted = await platform.query('mutation($input: MandateInput!) { grantMandate(input: $input) { id } }', { input: mandate }, await as(henry));
    expect(granted.errors).toBeUndefined();
    forHenry = await submit(grace, henry);
    await steps(forHenry, ...DELIVER);
    before = await figures([delivered, rejected, open, forHenry, NO_SUCH_CASE]);
  });

  const unchanged = async () => expect(await figures([delivered, rejected, open, forHenry, NO_SUCH_CASE])).toEqual(before);

  it('refuses another citizen: they get no ticket, and the applicant’s ticket in their hands is FORBIDDEN', async () => {
    expectRefused(await ticket(delivered, bob), 'FORBIDDEN');
    const stolen = await ticketOf(delivered, alice);
    expectRefused(await rate(bob, rating(delivered, stolen)), 'FORBIDDEN', /applicant/);
    // the agent of another case is nobody's agent here
    expectRefused(await rate(grace, rating(delivered, stolen)), 'FORBIDDEN');
    // an officer never reads a ticket, anonymous callers cannot rate
    expectRefused(
      await platform.query('query($id: ID!) { case(id: $id) { ratingTicket } }', { id: delivered }, { ...(await officer()), ...PURPOSE }),
      'FORBIDDEN',
    );
    expectRefused(await platform.query(RATE, { input: rating(delivered, stolen) }), 'FORBIDDEN');
    await unchanged();
  });

  it('refuses a rating of a case that does not exist: there is no ticket for it, and made-up ones are refused', async () => {
    // the same refusal as for someone else's case: a citizen cannot tell a case exists
    expectRefused(await ticket(NO_SUCH_CASE, alice), 'FORBIDDEN');
    expectRefused(await rate(bob, rating(NO_SUCH_CASE, 'made.up.ticket')), 'BAD_USER_INPUT', /^input\.ratingTicket: /);
    expectRefused(await rate(bob, rating(NO_SUCH_CASE, '')), 'BAD_USER_INPUT');
    const attacker = await claimsSigner(RATING_TICKETS, (await newKeyPair('attacker')).privateJwk);
    const invented = {
      caseId: NO_SUCH_CASE,
      holderKind: 'PERSON',
      holderId: bob,
      holderRole: 'APPLICANT',
      itemCode: OTHER.itemCode,
      regionCode: OTHER.regionCode,
      departmentCode: OTHER.departmentCode,
      endedOn: today,
    } as const;
    expectRefused(
      await rate(bob, rating(NO_SUCH_CASE, attacker(ticketClaims(invented), 3600))),
      'BAD_USER_INPUT',
      /not a rating ticket signed by the one-network platform/,
    );
    await unchanged();
  });

  it('refuses a rating before the case ended: an open case has no ticket, and no other ticket stands in for it', async () => {
    const { data, errors } = await ticket(open, alice);
    expect(errors).toBeUndefined();
    expect(data?.case).toEqual({ status: 'UNDER_REVIEW', ratingTicket: null });
    expectRefused(await rate(alice, rating(open, await ticketOf(delivered, alice))), 'BAD_USER_INPUT', /another case/);
    await unchanged();
  });

  it('refuses a forged or altered ticket: changed facts, another key, another kind of token', async () => {
    const genuine = await ticketOf(delivered, alice);
    for (const change of [
      (c: Record<string, unknown>) => void (c.item = OTHER.itemCode),
      (c: Record<string, unknown>) => void (c.reg = OTHER.regionCode),
      (c: Record<string, unknown>) => void (c.dep = OTHER.departmentCode),
      (c: Record<string, unknown>) => void (c.hid = bob),
      (c: Record<string, unknown>) => void (c.hr = 'AGENT'),
      (c: Record<string, unknown>) => void (c.end = '2020-01-01'),
    ]) {
      expectRefused(await rate(alice, rating(delivered, altered(genuine, change))), 'BAD_USER_INPUT', /altered, forged or damaged/);
      expectRefused(await rate(bob, rating(delivered, altered(genuine, change))), 'BAD_USER_INPUT');
    }
    const [header, payload] = genuine.split('.');
    expectRefused(await rate(alice, rating(delivered, `${header}.${payload}.`)), 'BAD_USER_INPUT');
    expectRefused(await rate(alice, rating(delivered, `${header}.${payload}`)), 'BAD_USER_INPUT');
    // a ticket bob signs himself for alice's case, stating its real facts
    const facts: RatingTicket = {
      caseId: delivered,
      holderKind: 'PERSON',
      holderId: bob,
      holderRole: 'APPLICANT',
      itemCode: IMPL.itemCode,
      regionCode: IMPL.regionCode,
      departmentCode: IMPL.departmentCode,
      endedOn: today,
    };
    const attacker = await claimsSigner(RATING_TICKETS, (await newKeyPair('cases-tickets-dev-x')).privateJwk);
    expectRefused(await rate(bob, rating(delivered, attacker(ticketClaims(facts), 3600))), 'BAD_USER_INPUT');
    // a caller token is signed, but not by the cases department, nor a ticket
    const callerToken = (await as(bob)).authorization!.slice('Bearer '.length);
    expectRefused(await rate(bob, rating(delivered, callerToken)), 'BAD_USER_INPUT');
    await unchanged();
  });

  it('refuses a ticket replayed for another case, and an expired or out-of-period one', async () => {
    const forRejected = await ticketOf(rejected, alice);
    expectRefused(await rate(alice, rating(delivered, forRejected)), 'BAD_USER_INPUT', /another case/);
    expectRefused(await rate(grace, rating(delivered, await ticketOf(forHenry, grace))), 'BAD_USER_INPUT', /another case/);
    // genuine tickets (the development key the cases department signs with), but stale
    const cases = await claimsSigner(RATING_TICKETS);
    const facts: RatingTicket = {
      caseId: delivered,
      holderKind: 'PERSON',
      holderId: alice,
      holderRole: 'APPLICANT',
      itemCode: IMPL.itemCode,
      regionCode: IMPL.regionCode,
      departmentCode: IMPL.departmentCode,
      endedOn: today,
    };
    expectRefused(await rate(alice, rating(delivered, cases(ticketClaims(facts), -1))), 'BAD_USER_INPUT', /expired; fetch a fresh one/);
    // 31 days before today in China (UTC+8)
    const longAgo = new Date(Date.now() + 8 * 3_600_000 - 31 * 86_400_000).toISOString().slice(0, 10);
    expectRefused(
      await rate(alice, rating(delivered, cases(ticketClaims({ ...facts, endedOn: longAgo }), 3600))),
      'BAD_USER_INPUT',
      /30 days after a case ends/,
    );
    await unchanged();
  });

  it('ignores nothing silently: a client-supplied item, region or agency is refused, and the case’s own are recorded', async () => {
    const genuine = await ticketOf(delivered, alice);
    for (const field of [{ caseItemCode: OTHER.itemCode }, { caseRegionCode: OTHER.regionCode }, { caseDepartmentCode: OTHER.departmentCode }]) {
      expectRefused(await rate(alice, rating(delivered, genuine, field)), 'BAD_USER_INPUT', new RegExp(`"${Object.keys(field)[0]}" is not defined`));
    }
    await unchanged();
  });

  it('lets the applicant rate once, with the case’s item, region and agency; a second rating is a CONFLICT and changes nothing', async () => {
    const first = await rate(alice, rating(delivered, await ticketOf(delivered, alice)), 'rate-1');
    expect(first.errors).toBeUndefined();
    expect(first.data?.rateCase).toEqual({
      id: evaluationOf(delivered),
      level: 'VERY_DISSATISFIED',
      case: { id: delivered },
      evaluator: { id: alice },
      serviceItem: { code: IMPL.itemCode },
      region: { code: IMPL.regionCode },
      department: { code: IMPL.departmentCode },
    });
    // a repeat of the same request (a fresh ticket, the same key) is answered with the first result
    const repeat = await rate(alice, rating(delivered, await ticketOf(delivered, alice)), 'rate-1');
    expect(repeat.data?.rateCase).toEqual(first.data?.rateCase);
    const after = await figures([delivered, rejected, open, forHenry, NO_SUCH_CASE]);
    type Figures = { evaluations: number; badReviews: number; byLevel: { level: string; count: number }[] };
    const plusOne = (f: Figures) => ({
      evaluations: f.evaluations + 1,
      badReviews: f.badReviews + 1,
      byLevel: f.byLevel.map((l) => (l.level === 'VERY_DISSATISFIED' ? { ...l, count: l.count + 1 } : l)),
    });
    for (const key of ['item', 'agency', 'region'] as const) {
      expect(after.published?.[key].satisfaction).toEqual(plusOne(before.published?.[key].satisfaction));
    }
    for (const key of ['otherItem', 'otherAgency', 'otherRegion'] as const) expect(after.published?.[key]).toEqual(before.published?.[key]);
    expect(after.rated[delivered]).toEqual([{ id: evaluationOf(delivered), level: 'VERY_DISSATISFIED' }]);

    const twice = await rate(alice, rating(delivered, await ticketOf(delivered, alice), { level: 'VERY_SATISFIED', comment: null }));
    expectRefused(twice, 'CONFLICT', /一事一评/);
    expect(await figures([delivered, rejected, open, forHenry, NO_SUCH_CASE])).toEqual(after);
  });

  it('lets the applicant rate a case that was not accepted, and the agent rate the case they handled (then the applicant is too late)', async () => {
    const ended = await rate(
      alice,
      rating(rejected, await ticketOf(rejected, alice), { level: 'SATISFIED', comment: null, channel: 'SERVICE_HALL', dimensions: null }),
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.rateCase).toMatchObject({ id: evaluationOf(rejected), evaluator: { id: alice }, serviceItem: { code: IMPL.itemCode } });
    const agentsTicket = await ticketOf(forHenry, grace);
    // the agent's ticket names the agent only: henry's identity number, masked for grace everywhere, is not in it
    expect(Buffer.from(agentsTicket.split('.')[1]!, 'base64url').toString()).not.toContain(henry);
    // and it is grace's alone: henry cannot rate with it
    expectRefused(await rate(henry, rating(forHenry, agentsTicket)), 'FORBIDDEN');
    const byAgent = await rate(grace, rating(forHenry, agentsTicket, { level: 'SATISFIED', comment: '代办很顺利' }));
    expect(byAgent.errors).toBeUndefined();
    expect(byAgent.data?.rateCase).toMatchObject({ id: evaluationOf(forHenry), evaluator: { id: grace }, department: { code: IMPL.departmentCode } });
    // henry holds a ticket of his own case too, but it was rated
    expectRefused(await rate(henry, rating(forHenry, await ticketOf(forHenry, henry), { level: 'SATISFIED', comment: null })), 'CONFLICT');
  });
});
