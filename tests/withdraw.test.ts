import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS } from '../reference/service-items.js';
import { sampleImplementations } from '../samples/catalog.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { maskResidentId } from '../platform/security/masking.js';
import { todayInChina } from '../platform/time.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Withdrawal (撤回) through the gateway, written as the attacks on it, and the typed results of the
// case steps (CaseStepResult = Case | IllegalTransition). The platform is seeded with { size: 50, seed: 7 }.

const SEED = 7;
const today = todayInChina();
// 失业保险金申领: persons, online or at the hall
const IMPL = sampleImplementations(SEED).find((i) => i.itemCode === 'JF-040003-001')!;
// an item for enterprises, applied for online
const FIRM_ITEM = ITEMS.find((i) => i.serviceObject === 'ENTERPRISE' && i.channels.includes('WEB_PORTAL'))!;
const FIRM_IMPL = sampleImplementations(SEED).find((i) => i.itemCode === FIRM_ITEM.code)!;
const alice = personAt(SEED, 1).id; // applicant
const bob = personAt(SEED, 2).id; // another citizen
const grace = personAt(SEED, 9).id; // acts for henry (帮代办)
const henry = personAt(SEED, 13).id;
const firm = enterpriseAt(SEED, 2, 50).creditCode;
const otherFirm = enterpriseAt(SEED, 3, 50).creditCode;
const NO_SUCH_CASE = `${IMPL.regionCode.slice(0, 2)}C2026010899999999`;

const citizen = (subject: string) => bearer({ role: 'CITIZEN', subject });
const enterprise = (subject: string) => bearer({ role: 'ENTERPRISE', subject });
const clerk = async (subject = 'clerk-1') => ({
  ...(await bearer({ role: 'OFFICER', subject, department: IMPL.departmentCode, scopes: ['cases:read', 'cases:write'] })),
  'x-purpose': 'withdrawal test',
});

const CASE = 'id status allowedActions mayWithdraw decidedOn overdue events { status channel handler note }';
const RESULT = `__typename ... on Case { ${CASE} } ... on MutationProblem { code message } ... on IllegalTransition { attempted status allowedActions case { ${CASE} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!, $channel: Channel, $key: String) {
  withdrawCase(id: $id, reason: $reason, channel: $channel, idempotencyKey: $key) { ${RESULT} } }`;
const step = (mutation: string) => `mutation($id: ID!) { ${mutation}(id: $id, channel: SERVICE_HALL) { ${RESULT} } }`;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

async function submit(headers: Record<string, string>, applicantId: string, kind: 'PERSON' | 'ENTERPRISE' = 'PERSON'): Promise<string> {
  const impl = kind === 'PERSON' ? IMPL : FIRM_IMPL;
  const input = { itemCode: impl.itemCode, implementationCode: impl.code, applicantKind: kind, applicantId, channel: 'WEB_PORTAL' };
  const { data, errors } = await platform.query('mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }', { input }, headers);
  expect(errors).toBeUndefined();
  return data?.submitCase.id;
}

/** Officer steps of the implementing agency; each must move the case. */
async function steps(id: string, ...mutations: string[]): Promise<void> {
  for (const mutation of mutations) {
    const { data, errors } = await platform.query(step(mutation), { id }, await clerk());
    expect(errors, mutation).toBeUndefined();
    expect(data?.[mutation].__typename, mutation).toBe('Case');
  }
}

const withdraw = async (id: string, headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
  platform.query(WITHDRAW, { id, reason: '不再需要办理', ...extra }, headers);
/** The case as an officer on duty reads it: what must not change after a refusal. */
const read = async (id: string) => (await platform.query(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id }, await clerk())).data?.case;

describe('withdrawCase (撤回): the applicant, or the person acting for them, before a decision', () => {
  it('the applicant withdraws an open case: WITHDRAWN in the timeline with the reason, nothing allowed after, not decided', async () => {
    const id = await submit(await citizen(alice), alice);
    await steps(id, 'acceptCase', 'startReview');
    const mine = await platform.query('query($id: ID!) { case(id: $id) { mayWithdraw } }', { id }, await citizen(alice));
    expect(mine.data?.case.mayWithdraw).toBe(true);
    // officers are never offered it
    expect((await read(id)).mayWithdraw).toBe(false);
    const res = await withdraw(id, await citizen(alice), { channel: 'MOBILE_APP' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.withdrawCase).toMatchObject({
      __typename: 'Case',
      id,
      status: 'WITHDRAWN',
      allowedActions: [],
      mayWithdraw: false,
      decidedOn: null,
      overdue: false,
    });
    expect(res.data?.withdrawCase.events.at(-1)).toEqual({ status: 'WITHDRAWN', channel: 'MOBILE_APP', handler: 'applicant', note: '不再需要办理' });
    expect((await read(id)).events.map((e: { status: string }) => e.status)).toEqual(['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'WITHDRAWN']);
  });

  it('ATTACK: another citizen, or an enterprise, gets NOT_FOUND exactly as for an unknown id, and nothing changes', async () => {
    const id = await submit(await citizen(alice), alice);
    const before = await read(id);
    const unknown = await withdraw(NO_SUCH_CASE, await citizen(bob));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const shape = (r: typeof unknown, asked: string) => ({
      status: r.status,
      data: r.data ?? null,
      errors: r.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replace(asked, '<id>') })),
    });
    for (const headers of [await citizen(bob), await enterprise(firm)]) {
      const attack = await withdraw(id, headers);
      expect(shape(attack, id)).toEqual(shape(await withdraw(NO_SUCH_CASE, headers), NO_SUCH_CASE));
      expect(JSON.stringify(attack)).not.toContain(alice);
    }
    expect(await read(id)).toEqual(before);
  });

  it('ATTACK: an officer cannot withdraw for the applicant (FORBIDDEN, whether the case exists or not), nor can an anonymous caller', async () => {
    const id = await submit(await citizen(alice), alice);
    const before = await read(id);
    for (const target of [id, NO_SUCH_CASE]) {
      const byClerk = await withdraw(target, await clerk());
      expect(byClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(byClerk.data?.withdrawCase ?? null).toBeNull();
      const anonymous = await withdraw(target, {});
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(anonymous.errors?.[0]?.extensions?.code);
    }
    expect(await read(id)).toEqual(before);
  });

  it('an enterprise withdraws its own case; another enterprise cannot', async () => {
    const id = await submit(await enterprise(firm), firm, 'ENTERPRISE');
    const attack = await withdraw(id, await enterprise(otherFirm));
    expect(attack.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await withdraw(id, await enterprise(firm));
    expect(own.errors).toBeUndefined();
    expect(own.data?.withdrawCase).toMatchObject({ status: 'WITHDRAWN', events: expect.arrayContaining([expect.objectContaining({ handler: 'applicant' })]) });
  });

  it('the agent (帮代办) withdraws for the principal while the mandate stands; revoked, the agent gets NOT_FOUND and the principal still may', async () => {
    const mandate = {
      principalKind: 'PERSON',
      principalId: henry,
      agentId: grace,
      itemCodes: [IMPL.itemCode],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    const granted = await platform.query('mutation($input: MandateInput!) { grantMandate(input: $input) { id } }', { input: mandate }, await citizen(henry));
    expect(granted.errors).toBeUndefined();
    const first = await submit(await citizen(grace), henry);
    const asAgent = await platform.query('query($id: ID!) { case(id: $id) { mayWithdraw } }', { id: first }, await citizen(grace));
    expect(asAgent.data?.case.mayWithdraw).toBe(true);
    const byAgent = await withdraw(first, await citizen(grace));
    expect(byAgent.errors).toBeUndefined();
    expect(byAgent.data?.withdrawCase.events.at(-1)).toMatchObject({ status: 'WITHDRAWN', handler: 'agent' });
    // henry's data tracker says grace withdrew it for him, under the mandate
    await platform.departments.cases!.delivery!.flush();
    const tracker = await platform.query('{ myDataAccesses(first: 100) { nodes { fields agent mandate } } }', {}, await citizen(henry));
    const withdrawal = tracker.data?.myDataAccesses.nodes.find((n: { fields: string[] }) => n.fields.includes('Mutation.withdrawCase'));
    expect(withdrawal).toMatchObject({ agent: maskResidentId(grace), mandate: granted.data?.grantMandate.id });

    const second = await submit(await citizen(grace), henry);
    const revoked = await platform.query(
      'mutation($id: ID!) { revokeMandate(id: $id) { active } }',
      { id: granted.data?.grantMandate.id },
      await citizen(henry),
    );
    expect(revoked.data?.revokeMandate.active).toBe(false);
    const before = await read(second);
    const lapsed = await withdraw(second, await citizen(grace));
    expect(lapsed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await read(second)).toEqual(before);
    const byPrincipal = await withdraw(second, await citizen(henry));
    expect(byPrincipal.data?.withdrawCase.events.at(-1)).toMatchObject({ status: 'WITHDRAWN', handler: 'applicant' });
  });

  it('after a decision, withdrawal is the typed problem IllegalTransition and changes nothing', async () => {
    const id = await submit(await citizen(alice), alice);
    await steps(id, 'acceptCase', 'startReview', 'approveCase');
    const before = await read(id);
    const res = await withdraw(id, await citizen(alice));
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data?.withdrawCase).toMatchObject({
      __typename: 'IllegalTransition',
      code: 'ILLEGAL_TRANSITION',
      message: `Case ${id} is APPROVED: a case can be withdrawn only before a decision`,
      attempted: 'withdrawCase',
      status: 'APPROVED',
      allowedActions: ['DELIVER'],
      case: { id, status: 'APPROVED', mayWithdraw: false },
    });
    expect(await read(id)).toEqual(before);
  });

  it('a withdrawn case cannot be accepted, nor withdrawn again: typed IllegalTransition, nothing changes', async () => {
    const id = await submit(await citizen(alice), alice);
    expect((await withdraw(id, await citizen(alice))).data?.withdrawCase.status).toBe('WITHDRAWN');
    const before = await read(id);
    const accept = await platform.query(step('acceptCase'), { id }, await clerk());
    expect(accept.errors).toBeUndefined();
    expect(accept.data?.acceptCase).toMatchObject({
      __typename: 'IllegalTransition',
      status: 'WITHDRAWN',
      allowedActions: [],
      message: `Case ${id} is WITHDRAWN: acceptCase is not allowed; the case has ended: no step is allowed`,
    });
    const again = await withdraw(id, await citizen(alice));
    expect(again.data?.withdrawCase).toMatchObject({ __typename: 'IllegalTransition', status: 'WITHDRAWN' });
    expect(await read(id)).toEqual(before);
  });

  it('two clerks racing on one case: one moves it, the other gets the typed problem with the status the first left', async () => {
    const id = await submit(await citizen(alice), alice);
    const [a, b] = await Promise.all([
      platform.query(step('acceptCase'), { id }, await clerk('clerk-a')),
      platform.query(step('acceptCase'), { id }, await clerk('clerk-b')),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const answers = [a.data?.acceptCase, b.data?.acceptCase];
    expect(answers.map((r) => r.__typename).sort()).toEqual(['Case', 'IllegalTransition']);
    const problem = answers.find((r) => r.__typename === 'IllegalTransition');
    expect(problem).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 'ACCEPTED', allowedActions: ['START_REVIEW'], case: { id, status: 'ACCEPTED' } });
    expect((await read(id)).events.map((e: { status: string }) => e.status)).toEqual(['SUBMITTED', 'ACCEPTED']);
  });

  it('is idempotent: a repeat answers the same result; a problem keeps no key; the key for another case is a CONFLICT', async () => {
    const id = await submit(await citizen(alice), alice);
    const first = await withdraw(id, await citizen(alice), { key: 'withdraw-1' });
    const repeat = await withdraw(id, await citizen(alice), { key: 'withdraw-1' });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data?.withdrawCase).toEqual(first.data?.withdrawCase);
    expect(repeat.data?.withdrawCase.events.filter((e: { status: string }) => e.status === 'WITHDRAWN')).toHaveLength(1);
    const other = await submit(await citizen(alice), alice);
    const reused = await withdraw(other, await citizen(alice), { key: 'withdraw-1' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await read(other)).status).toBe('SUBMITTED');
    // a problem is answered again from the case as it is, in the same shape
    const decided = await submit(await citizen(alice), alice);
    await steps(decided, 'acceptCase', 'startReview', 'approveCase');
    const problem = await withdraw(decided, await citizen(alice), { key: 'withdraw-2' });
    const problemAgain = await withdraw(decided, await citizen(alice), { key: 'withdraw-2' });
    expect(problem.data?.withdrawCase.__typename).toBe('IllegalTransition');
    expect(problemAgain.data?.withdrawCase).toEqual(problem.data?.withdrawCase);
  });
});

describe('a withdrawn case in ratings (好差评) and figures', () => {
  it('may be rated by its applicant: it has ended, and how it went until then is worth saying', async () => {
    const id = await submit(await citizen(alice), alice);
    await steps(id, 'acceptCase');
    await withdraw(id, await citizen(alice));
    const { data, errors } = await platform.query('query($id: ID!) { case(id: $id) { ratingTicket } }', { id }, await citizen(alice));
    expect(errors).toBeUndefined();
    expect(data?.case.ratingTicket).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const dimensions = { overall: 2, efficiency: 1, guideAccuracy: 2, convenience: 2, usability: 2 };
    const input = {
      caseId: id,
      ratingTicket: data?.case.ratingTicket,
      level: 'DISSATISFIED',
      comment: '受理后一直没有进展',
      dimensions,
      channel: 'MOBILE_APP',
    };
    const rated = await platform.query('mutation($input: RateCaseInput!) { rateCase(input: $input) { case { id } level } }', { input }, await citizen(alice));
    expect(rated.errors).toBeUndefined();
    expect(rated.data?.rateCase).toEqual({ case: { id }, level: 'DISSATISFIED' });
    // another citizen still gets no ticket
    const other = await platform.query('query($id: ID!) { case(id: $id) { ratingTicket } }', { id }, await citizen(bob));
    expect(other.data?.case ?? null).toBeNull();
  });

  it('counts in byStatus as WITHDRAWN, and not as decided', async () => {
    const FIGURES = `{ serviceItem(code: "${IMPL.itemCode}") { caseFigures(from: "${today}", to: "${today}") { total decided byStatus { status count } } } }`;
    const figures = async () => {
      const { data, errors } = await platform.query(FIGURES, {}, await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' }));
      expect(errors).toBeUndefined();
      return data?.serviceItem.caseFigures as { total: number; decided: number; byStatus: { status: string; count: number }[] };
    };
    const count = (f: Awaited<ReturnType<typeof figures>>, status: string) => f.byStatus.find((s) => s.status === status)?.count ?? 0;
    const id = await submit(await citizen(alice), alice);
    const before = await figures();
    await withdraw(id, await citizen(alice));
    const after = await figures();
    expect(after.total).toBe(before.total);
    expect(after.decided).toBe(before.decided);
    expect(count(after, 'WITHDRAWN')).toBe(count(before, 'WITHDRAWN') + 1);
    expect(count(after, 'SUBMITTED')).toBe(count(before, 'SUBMITTED') - 1);
    // in the order of CaseStatus: WITHDRAWN last
    expect(after.byStatus.at(-1)?.status).toBe('WITHDRAWN');
  });
});
