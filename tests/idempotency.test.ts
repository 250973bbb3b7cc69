import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt, residenceCounties } from '../samples/synthetic.js';
import type { GraphQLResult } from '../platform/testing.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// One rule for idempotencyKey in every department (platform/idempotency.ts): per caller, 1 to 128
// visible ASCII characters; a repeat gets the first result and writes nothing; the same key with
// other input is CONFLICT; an omitted optional argument and an explicit null are the same request;
// and a key is the caller's own: another caller sending it (with the same input) never gets the
// first caller's case, rating or appeal.

const SEED = 7; // the test platform seeds 50 people with seed 7
// 失业保险金申领: persons, online or at the hall
const IMPL = sampleImplementations(SEED).find((i) => i.itemCode === 'JF-040003-001')!;
const alice = personAt(SEED, 1).id;
const bob = personAt(SEED, 5).id;
const county = residenceCounties()[3]!;
const TOO_LONG = 'k'.repeat(129);
const LONGEST = 'k'.repeat(128);

const as = (subject: string) => bearer({ role: 'CITIZEN', subject });
const PURPOSE = { 'x-purpose': 'idempotency test' };
const officer = async (subject = 'officer-idem', scopes = ['cases:read', 'cases:write', 'evaluation:read', 'appeals:read', 'appeals:write']) => ({
  ...(await bearer({ role: 'OFFICER', subject, department: IMPL.departmentCode, scopes })),
  ...PURPOSE,
});

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

function expectRefused(result: GraphQLResult, code: string, message?: RegExp) {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(result.errors)).not.toMatch(/SQL|stack|at .*\.ts/i);
}

const TOO_LONG_MESSAGE = /^idempotencyKey: must be 1 to 128 visible ASCII characters/;

describe('cases: submitCase and the handling steps', () => {
  const SUBMIT =
    'mutation($input: SubmitCaseInput!, $key: String) { submitCase(input: $input, idempotencyKey: $key) { ... on Case { id applicantId status } } }';
  const ACCEPT =
    'mutation($id: ID!, $note: String, $key: String) { acceptCase(id: $id, channel: SERVICE_HALL, note: $note, idempotencyKey: $key) { __typename ... on Case { id status events { status } } } }';
  const ACCEPT_NO_NOTE =
    'mutation($id: ID!, $key: String) { acceptCase(id: $id, channel: SERVICE_HALL, idempotencyKey: $key) { __typename ... on Case { id status events { status } } } }';
  const submission = (applicantId: string, extra: Record<string, unknown> = {}) => ({
    itemCode: IMPL.itemCode,
    implementationCode: IMPL.code,
    applicantKind: 'PERSON',
    applicantId,
    channel: 'WEB_PORTAL',
    ...extra,
  });
  const casesOf = async (subject: string): Promise<string[]> => {
    const { data, errors } = await platform.query('{ cases(first: 100) { nodes { id } } }', {}, await as(subject));
    expect(errors).toBeUndefined();
    return data?.cases.nodes.map((n: { id: string }) => n.id);
  };

  it('does a repeat once, with the same result; other input under the key is CONFLICT; an explicit null is an omitted argument', async () => {
    const before = await casesOf(alice);
    const first = await platform.query(SUBMIT, { input: submission(alice), key: 'case-1' }, await as(alice));
    expect(first.errors).toBeUndefined();
    const repeat = await platform.query(SUBMIT, { input: submission(alice, { agentId: null }), key: 'case-1' }, await as(alice));
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data?.submitCase).toEqual(first.data?.submitCase);
    expectRefused(
      await platform.query(SUBMIT, { input: submission(alice, { channel: 'SERVICE_HALL' }), key: 'case-1' }, await as(alice)),
      'CONFLICT',
      /idempotencyKey "case-1" was already used for submitCase with other input/,
    );
    expect((await casesOf(alice)).sort()).toEqual([...before, first.data?.submitCase.id].sort());

    const id = first.data?.submitCase.id;
    const accepted = await platform.query(ACCEPT, { id, note: null, key: 'accept-1' }, await officer());
    expect(accepted.errors).toBeUndefined();
    const again = await platform.query(ACCEPT_NO_NOTE, { id, key: 'accept-1' }, await officer());
    expect(again.errors).toBeUndefined();
    expect(again.data?.acceptCase).toEqual(accepted.data?.acceptCase);
    expect(again.data?.acceptCase.events).toHaveLength(2);
  });

  it('takes keys of up to 128 characters and refuses a longer one as BAD_USER_INPUT naming idempotencyKey, writing nothing', async () => {
    const before = await casesOf(alice);
    const longest = await platform.query(SUBMIT, { input: submission(alice), key: LONGEST }, await as(alice));
    expect(longest.errors).toBeUndefined();
    expectRefused(await platform.query(SUBMIT, { input: submission(alice), key: TOO_LONG }, await as(alice)), 'BAD_USER_INPUT', TOO_LONG_MESSAGE);
    expect(await casesOf(alice)).toHaveLength(before.length + 1);
  });

  it("ATTACK: bob replaying alice's key and input gets no case of hers", async () => {
    const hers = await platform.query(SUBMIT, { input: submission(alice), key: 'shared-case-key' }, await as(alice));
    expect(hers.errors).toBeUndefined();
    const aliceCase = hers.data?.submitCase.id;
    const replayed = await platform.query(SUBMIT, { input: submission(alice), key: 'shared-case-key' }, await as(bob));
    expectRefused(replayed, 'FORBIDDEN');
    expect(JSON.stringify(replayed)).not.toContain(aliceCase);
    // his own request under her key is his own, new case
    const his = await platform.query(SUBMIT, { input: submission(bob), key: 'shared-case-key' }, await as(bob));
    expect(his.errors).toBeUndefined();
    expect(his.data?.submitCase.id).not.toBe(aliceCase);
    expect(await casesOf(bob)).toContain(his.data?.submitCase.id);
  });

  it("ATTACK: an officer's token that bears alice's number as its subject does not get her case back", async () => {
    const hers = await platform.query(SUBMIT, { input: submission(alice), key: 'same-subject-key' }, await as(alice));
    expect(hers.errors).toBeUndefined();
    // an officer may submit for anyone (at a hall window): the same request, the same key, another caller
    const theirs = await platform.query(SUBMIT, { input: submission(alice), key: 'same-subject-key' }, await officer(alice));
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.submitCase.id).not.toBe(hers.data?.submitCase.id);
  });
});

describe('evaluation: rateCase', () => {
  const RATE = 'mutation($input: RateCaseInput!, $key: String) { rateCase(input: $input, idempotencyKey: $key) { id level comment case { id } } }';
  const DIMENSIONS = { overall: 2, efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 2 };

  /** A case of the citizen's own, taken to DELIVERED, and its rating ticket (a fresh one each call). */
  async function delivered(subject: string): Promise<string> {
    const input = { itemCode: IMPL.itemCode, implementationCode: IMPL.code, applicantKind: 'PERSON', applicantId: subject, channel: 'WEB_PORTAL' };
    const submitted = await platform.query(
      'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }',
      { input },
      await as(subject),
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data?.submitCase.id;
    for (const step of ['acceptCase', 'startReview', 'approveCase', 'deliverCase']) {
      const { data, errors } = await platform.query(`mutation($id: ID!) { ${step}(id: $id, channel: SERVICE_HALL) { __typename } }`, { id }, await officer());
      expect(errors, step).toBeUndefined();
      expect(data?.[step].__typename, step).toBe('Case');
    }
    return id;
  }
  async function ticket(id: string, subject: string): Promise<string> {
    const { data, errors } = await platform.query('query($id: ID!) { case(id: $id) { ratingTicket } }', { id }, await as(subject));
    expect(errors).toBeUndefined();
    return data?.case.ratingTicket;
  }
  const ratingsOf = async (caseId: string) => {
    const { data, errors } = await platform.query('query($c: ID) { evaluations(case: $c) { nodes { id comment } } }', { c: caseId }, await officer());
    expect(errors).toBeUndefined();
    return data?.evaluations.nodes;
  };

  let aliceCase: string;
  let bobCase: string;
  beforeAll(async () => {
    aliceCase = await delivered(alice);
    bobCase = await delivered(bob);
  });

  it('does a repeat once, with the same result; other input is CONFLICT; an explicit null is an omitted argument; too long a key is BAD_USER_INPUT', async () => {
    const rating = async (extra: Record<string, unknown> = {}) => ({
      caseId: aliceCase,
      ratingTicket: await ticket(aliceCase, alice),
      level: 'SATISFIED',
      channel: 'MOBILE_APP',
      dimensions: DIMENSIONS,
      ...extra,
    });
    expectRefused(await platform.query(RATE, { input: await rating(), key: TOO_LONG }, await as(alice)), 'BAD_USER_INPUT', TOO_LONG_MESSAGE);
    const first = await platform.query(RATE, { input: await rating(), key: LONGEST }, await as(alice));
    expect(first.errors).toBeUndefined();
    // a fresh ticket, and the optional comment sent as null
    const repeat = await platform.query(RATE, { input: await rating({ comment: null }), key: LONGEST }, await as(alice));
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data?.rateCase).toEqual(first.data?.rateCase);
    expectRefused(
      await platform.query(RATE, { input: await rating({ comment: '其实很好' }), key: LONGEST }, await as(alice)),
      'CONFLICT',
      /was already used for rateCase with other input/,
    );
    expect(await ratingsOf(aliceCase)).toEqual([{ id: first.data?.rateCase.id, comment: null }]);
  });

  it("ATTACK: bob replaying alice's key and input gets no rating of hers; under her key he rates his own case", async () => {
    const input = { caseId: aliceCase, ratingTicket: await ticket(aliceCase, alice), level: 'SATISFIED', channel: 'MOBILE_APP', dimensions: DIMENSIONS };
    const replayed = await platform.query(RATE, { input, key: LONGEST }, await as(bob));
    expect(replayed.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|BAD_USER_INPUT)$/);
    expect(replayed.data?.rateCase ?? null).toBeNull();
    expect(JSON.stringify(replayed)).not.toContain(`E-${aliceCase}`);
    const his = await platform.query(RATE, { input: { ...input, caseId: bobCase, ratingTicket: await ticket(bobCase, bob) }, key: LONGEST }, await as(bob));
    expect(his.errors).toBeUndefined();
    expect(his.data?.rateCase.case.id).toBe(bobCase);
    expect(await ratingsOf(bobCase)).toHaveLength(1);
  });
});

describe('appeals: registerAppeal and the handling steps', () => {
  const REGISTER =
    'mutation($input: RegisterAppealInput!, $key: String) { registerAppeal(input: $input, idempotencyKey: $key) { id status appellant { id } } }';
  const REGISTER_RAW = (appellant: string) =>
    `mutation($key: String) { registerAppeal(input: { kind: CONSULTATION, category: HEALTH, text: "医保转移怎么办？", region: "${county.code}", channel: HOTLINE${appellant} }, idempotencyKey: $key) { id status appellant { id } } }`;
  const input = (extra: Record<string, unknown> = {}) => ({
    kind: 'CONSULTATION',
    category: 'HEALTH',
    text: '异地就医备案怎么办理？',
    region: county.code,
    channel: 'HOTLINE',
    ...extra,
  });
  const appealsOf = async (subject: string): Promise<string[]> => {
    const { data, errors } = await platform.query('{ appeals(first: 100) { nodes { id } } }', {}, await as(subject));
    expect(errors).toBeUndefined();
    return data?.appeals.nodes.map((n: { id: string }) => n.id);
  };

  it('does a repeat once, with the same result; other input is CONFLICT; too long a key is BAD_USER_INPUT', async () => {
    const before = await appealsOf(alice);
    expectRefused(await platform.query(REGISTER, { input: input(), key: TOO_LONG }, await as(alice)), 'BAD_USER_INPUT', TOO_LONG_MESSAGE);
    const first = await platform.query(REGISTER, { input: input(), key: LONGEST }, await as(alice));
    expect(first.errors).toBeUndefined();
    const repeat = await platform.query(REGISTER, { input: input(), key: LONGEST }, await as(alice));
    expect(repeat.data?.registerAppeal).toEqual(first.data?.registerAppeal);
    expectRefused(
      await platform.query(REGISTER, { input: input({ kind: 'COMPLAINT' }), key: LONGEST }, await as(alice)),
      'CONFLICT',
      /was already used for registerAppeal with other input/,
    );
    expect(await appealsOf(alice)).toEqual([first.data?.registerAppeal.id, ...before]);
  });

  it('takes an appellant written as null, in variables or in the query, as the one left out', async () => {
    const hotline = await officer('operator-1');
    const omitted = await platform.query(REGISTER, { input: input(), key: 'anonymous-1' }, hotline);
    expect(omitted.errors).toBeUndefined();
    expect(omitted.data?.registerAppeal.appellant).toBeNull();
    const asNull = await platform.query(REGISTER, { input: input({ appellant: null }), key: 'anonymous-1' }, hotline);
    expect(asNull.errors).toBeUndefined();
    expect(asNull.data?.registerAppeal.id).toBe(omitted.data?.registerAppeal.id);
    const literal = await platform.query(REGISTER_RAW(''), { key: 'anonymous-2' }, hotline);
    const literalNull = await platform.query(REGISTER_RAW(', appellant: null'), { key: 'anonymous-2' }, hotline);
    expect(literalNull.errors).toBeUndefined();
    expect(literalNull.data?.registerAppeal.id).toBe(literal.data?.registerAppeal.id);
    // and a step: closeAppeal with satisfaction null or left out
    const id = omitted.data?.registerAppeal.id;
    for (const [step, args] of [
      ['dispatchAppeal', `departmentCode: "${IMPL.departmentCode}"`],
      ['respondToAppeal', 'response: "已答复"'],
    ]) {
      const { errors } = await platform.query(`mutation { ${step}(id: "${id}", ${args}) { id } }`, {}, hotline);
      expect(errors, step).toBeUndefined();
    }
    const CLOSE =
      'mutation($id: ID!, $s: AppealSatisfaction, $key: String) { closeAppeal(id: $id, satisfaction: $s, idempotencyKey: $key) { id status closedOn } }';
    const closed = await platform.query(CLOSE, { id, s: null, key: 'close-1' }, hotline);
    expect(closed.errors).toBeUndefined();
    const closedAgain = await platform.query(CLOSE, { id, key: 'close-1' }, hotline);
    expect(closedAgain.errors).toBeUndefined();
    expect(closedAgain.data?.closeAppeal).toEqual(closed.data?.closeAppeal);
  });

  it("ATTACK: bob replaying alice's key and input gets no appeal of hers", async () => {
    const hers = await platform.query(REGISTER, { input: input({ text: '她的诉求' }), key: 'shared-appeal-key' }, await as(alice));
    expect(hers.errors).toBeUndefined();
    const aliceAppeal = hers.data?.registerAppeal.id;
    const replayed = await platform.query(REGISTER, { input: input({ text: '她的诉求' }), key: 'shared-appeal-key' }, await as(bob));
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data?.registerAppeal.id).not.toBe(aliceAppeal);
    expect(replayed.data?.registerAppeal.appellant.id).toBe(bob);
    expect(await appealsOf(bob)).toContain(replayed.data?.registerAppeal.id);
    // naming her as the appellant is refused outright
    const forHer = await platform.query(REGISTER, { input: input({ text: '她的诉求', appellant: alice }), key: 'shared-appeal-key' }, await as(bob));
    expectRefused(forHer, 'FORBIDDEN');
    // another hotline operator replaying a colleague's key registers their own appeal
    const byOne = await platform.query(REGISTER, { input: input(), key: 'operator-key' }, await officer('operator-1'));
    const byTwo = await platform.query(REGISTER, { input: input(), key: 'operator-key' }, await officer('operator-2'));
    expect(byTwo.errors).toBeUndefined();
    expect(byTwo.data?.registerAppeal.id).not.toBe(byOne.data?.registerAppeal.id);
  });
});
