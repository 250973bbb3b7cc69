import { registeredAgencies } from '../reference/agencies.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS } from '../reference/service-items.js';
import { maskResidentId } from '../platform/security/masking.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { CaseEntity } from '../subgraphs/cases/entities.js';
import { MandateEntity } from '../subgraphs/cases/entities.js';
import { generateImplementations } from '../subgraphs/cases/seed.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Acting for another (帮代办) only within a mandate (授权委托), written as the attacks on it.
// The platform's departments are seeded with { size: 50, seed: 7 } (platform/testing.ts).
const A = personAt(7, 3).id;
const B = personAt(7, 5).id;
const C = personAt(7, 6).id;
const D = personAt(7, 8).id;
const E = enterpriseAt(7, 0, 50).creditCode;

// items applied for online, with an implementation to submit under
const implementations = generateImplementations(7);
const online = (kind: 'PERSON' | 'ENTERPRISE') =>
  ITEMS.filter((i) => (i.serviceObject === kind || i.serviceObject === 'BOTH') && i.channels.includes('WEB_PORTAL'))
    .map((i) => ({ itemCode: i.code, implementationCode: implementations.find((m) => m.itemCode === i.code)?.code }))
    .filter((i): i is { itemCode: string; implementationCode: string } => i.implementationCode !== undefined);
const [X, Y] = online('PERSON') as [{ itemCode: string; implementationCode: string }, { itemCode: string; implementationCode: string }];
const [F] = online('ENTERPRISE') as [{ itemCode: string; implementationCode: string }];
const [G] = online('ENTERPRISE').filter((i) => i.itemCode !== F.itemCode) as [{ itemCode: string; implementationCode: string }];

const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id applicantId agent { id } events { handler } } } }';
const GRANT = 'mutation($input: MandateInput!) { grantMandate(input: $input) { id principalId agentId itemCodes validUntil active grantedBy } }';
const REGISTER = 'mutation($input: MandateInput!) { registerMandate(input: $input) { id grantedBy registeredByDepartment purpose active } }';
const REVOKE = 'mutation($id: ID!) { revokeMandate(id: $id) { id revokedAt active } }';

const citizen = (subject: string) => bearer({ role: 'CITIZEN', subject });
const enterprise = (subject: string) => bearer({ role: 'ENTERPRISE', subject });
const officer = async (scopes: string[], purpose?: string) => ({
  ...(await bearer({ role: 'OFFICER', subject: 'clerk-7', department: registeredAgencies()[0]!.code, scopes })),
  ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}),
});
const submission = (applicantId: string, item: { itemCode: string; implementationCode: string }, kind = 'PERSON') => ({
  ...item,
  applicantKind: kind,
  applicantId,
  channel: 'WEB_PORTAL',
});
const mandateFor = (
  principalId: string,
  agentId: string,
  itemCodes: string[],
  validUntil = new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
  principalKind = 'PERSON',
) => ({
  principalKind,
  principalId,
  agentId,
  itemCodes,
  validUntil,
});
const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

/** What the attack must leave unchanged: the applicant's cases and every mandate on record. */
async function state(applicantId: string) {
  const em = platform.departments.cases!.orm.em.fork();
  return { cases: await em.count(CaseEntity, { applicantId }), mandates: await em.count(MandateEntity, {}) };
}

async function grant(principal: string, agent: string, itemCodes: string[], validUntil?: string): Promise<string> {
  const granted = await platform.query(GRANT, { input: mandateFor(principal, agent, itemCodes, validUntil) }, await citizen(principal));
  expect(granted.errors).toBeUndefined();
  return granted.data!.grantMandate.id;
}

describe('acting for another person needs their mandate', () => {
  it("refuses citizen B submitting a case in citizen A's name without a mandate (FORBIDDEN, nothing created)", async () => {
    const before = await state(A);
    const plain = await platform.query(SUBMIT, { input: submission(A, X) }, await citizen(B));
    expect(codeOf(plain)).toBe('FORBIDDEN');
    expect(plain.errors![0]!.message).toMatch(/mandate/);
    const namingHimself = await platform.query(SUBMIT, { input: { ...submission(A, X), agentId: B } }, await citizen(B));
    expect(codeOf(namingHimself)).toBe('FORBIDDEN');
    // an officer cannot make B A's agent without A's mandate either
    const byClerk = await platform.query(SUBMIT, { input: { ...submission(A, X), agentId: B } }, await officer(['cases:read', 'cases:write'], 'window 3'));
    expect(codeOf(byClerk)).toBe('FORBIDDEN');
    expect(await state(A)).toEqual(before);
  });

  it("lets B submit for A under A's mandate for item X, but not for item Y", async () => {
    await grant(A, B, [X.itemCode]);
    const forX = await platform.query(SUBMIT, { input: submission(A, X) }, await citizen(B));
    expect(forX.errors).toBeUndefined();
    expect(forX.data!.submitCase).toMatchObject({ agent: { id: B }, events: [{ handler: 'agent' }] });
    const before = await state(A);
    const forY = await platform.query(SUBMIT, { input: submission(A, Y) }, await citizen(B));
    expect(codeOf(forY)).toBe('FORBIDDEN');
    expect(await state(A)).toEqual(before);
    // the mandate is A's and B's only: another citizen neither sees nor revokes it
    const mine = await platform.query('{ mandates { nodes { id itemCodes grantedBy } } }', {}, await citizen(A));
    expect(mine.data!.mandates.nodes).toHaveLength(1);
    const id = mine.data!.mandates.nodes[0].id;
    // the same refusal as for a mandate that does not exist: C cannot tell it exists
    const seen = await platform.query('query($id: ID!) { mandate(id: $id) { id } }', { id }, await citizen(C));
    expect(codeOf(seen)).toBe('FORBIDDEN');
    const none = await platform.query('query($id: ID!) { mandate(id: $id) { id } }', { id: `${id}0` }, await citizen(C));
    expect(none.errors?.[0]?.message).toBe(seen.errors?.[0]?.message);
    expect(codeOf(await platform.query(REVOKE, { id }, await citizen(C)))).toBe('NOT_FOUND');
    expect(codeOf(await platform.query(REVOKE, { id }, await citizen(B)))).toBe('FORBIDDEN');
    expect((await platform.query('query($id: ID!) { mandate(id: $id) { active } }', { id }, await citizen(B))).data!.mandate.active).toBe(true);
  });

  it('refuses B after A revoked the mandate: no new case, and no more reading the cases B submitted under it', async () => {
    const id = await grant(A, B, [Y.itemCode]);
    const submitted = await platform.query(SUBMIT, { input: submission(A, Y) }, await citizen(B));
    expect(submitted.errors).toBeUndefined();
    const caseId = submitted.data!.submitCase.id;
    const READ = 'query($id: ID!) { case(id: $id) { id status } }';
    const LISTS = 'query($me: ResidentId!) { cases(first: 100) { nodes { id } } person(id: $me) { casesAsAgent(first: 100) { nodes { id } } } }';
    expect((await platform.query(READ, { id: caseId }, await citizen(B))).errors).toBeUndefined();
    const listed = await platform.query(LISTS, { me: B }, await citizen(B));
    expect(listed.data!.cases.nodes.map((n: { id: string }) => n.id)).toContain(caseId);
    expect(listed.data!.person.casesAsAgent.nodes.map((n: { id: string }) => n.id)).toContain(caseId);
    const revoked = await platform.query(REVOKE, { id }, await citizen(A));
    expect(revoked.data!.revokeMandate).toMatchObject({ id, active: false });
    const before = await state(A);
    const after = await platform.query(SUBMIT, { input: submission(A, Y) }, await citizen(B));
    expect(codeOf(after)).toBe('FORBIDDEN');
    expect(await state(A)).toEqual(before);
    // the case is A's alone now: B reads it no more, and his lists leave it out
    expect(codeOf(await platform.query(READ, { id: caseId }, await citizen(B)))).toBe('FORBIDDEN');
    const relisted = await platform.query(LISTS, { me: B }, await citizen(B));
    expect(relisted.errors).toBeUndefined();
    expect(relisted.data!.cases.nodes.map((n: { id: string }) => n.id)).not.toContain(caseId);
    expect(relisted.data!.person.casesAsAgent.nodes.map((n: { id: string }) => n.id)).not.toContain(caseId);
    expect((await platform.query(READ, { id: caseId }, await citizen(A))).errors).toBeUndefined();
  });

  it('refuses B after the mandate expired', async () => {
    const id = await grant(D, B, [X.itemCode], new Date(Date.now() + 3_600_000).toISOString());
    expect((await platform.query(SUBMIT, { input: submission(D, X) }, await citizen(B))).errors).toBeUndefined();
    // time passes: the mandate's end moves into the past (no waiting on a clock a loaded machine may outrun)
    await platform.departments.cases!.orm.em.fork().nativeUpdate(MandateEntity, { id }, { validUntil: new Date(Date.now() - 1000).toISOString() });
    const before = await state(D);
    const late = await platform.query(SUBMIT, { input: submission(D, X) }, await citizen(B));
    expect(codeOf(late)).toBe('FORBIDDEN');
    expect(await state(D)).toEqual(before);
  });

  it("refuses B granting a mandate in A's name (or an enterprise's)", async () => {
    const before = await state(C);
    const forged = await platform.query(GRANT, { input: mandateFor(C, B, [X.itemCode]) }, await citizen(B));
    expect(codeOf(forged)).toBe('FORBIDDEN');
    const forEnterprise = await platform.query(GRANT, { input: mandateFor(E, B, [F.itemCode], undefined, 'ENTERPRISE') }, await citizen(B));
    expect(codeOf(forEnterprise)).toBe('FORBIDDEN');
    expect(await state(C)).toEqual(before);
    expect(codeOf(await platform.query(SUBMIT, { input: submission(C, X) }, await citizen(B)))).toBe('FORBIDDEN');
    expect(await state(C)).toEqual(before);
  });

  it('lets an officer register a mandate at a hall window only with cases:write and a stated purpose', async () => {
    const input = mandateFor(C, D, [X.itemCode]);
    const before = await state(C);
    const noPurpose = await platform.query(REGISTER, { input }, await officer(['cases:read', 'cases:write']));
    expect(codeOf(noPurpose)).toBe('FORBIDDEN');
    expect(noPurpose.errors![0]!.message).toMatch(/x-purpose/);
    const readOnly = await platform.query(REGISTER, { input }, await officer(['cases:read'], 'paper mandate 2026-118'));
    expect(codeOf(readOnly)).toBe('FORBIDDEN');
    expect(codeOf(await platform.query(REGISTER, { input }, await citizen(C)))).toBe('FORBIDDEN');
    expect(await state(C)).toEqual(before);
    const registered = await platform.query(REGISTER, { input }, await officer(['cases:read', 'cases:write'], 'paper mandate 2026-118'));
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerMandate).toMatchObject({
      grantedBy: 'OFFICER',
      registeredByDepartment: registeredAgencies()[0]!.code,
      purpose: 'paper mandate 2026-118',
      active: true,
    });
    expect((await platform.query(SUBMIT, { input: submission(C, X) }, await citizen(D))).errors).toBeUndefined();
  });
});

describe('a mandate says exactly what it allows', () => {
  it('refuses a malformed mandate with BAD_USER_INPUT naming the argument, recording nothing', async () => {
    const before = await state(A);
    const attempts: [Record<string, unknown>, string][] = [
      [{ validUntil: new Date(Date.now() - 60_000).toISOString() }, 'input.validUntil'],
      [{ validUntil: new Date(Date.now() + 400 * 24 * 3600_000).toISOString() }, 'input.validUntil'],
      [{ validUntil: 'next week' }, 'input.validUntil'],
      [{ agentId: A }, 'input.agentId'],
      [{ itemCodes: [] }, 'input.itemCodes'],
      [{ itemCodes: ['XX-000000-000'] }, 'input.itemCodes'],
      [{ itemCodes: [F.itemCode] }, 'input.itemCodes'],
    ];
    for (const [change, argument] of attempts) {
      const refused = await platform.query(GRANT, { input: { ...mandateFor(A, B, [X.itemCode]), ...change } }, await citizen(A));
      expect(codeOf(refused), JSON.stringify(change)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.argument).toBe(argument);
    }
    const badPrincipal = mandateFor(`${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`, B, [X.itemCode]);
    const atWindow = await platform.query(REGISTER, { input: badPrincipal }, await officer(['cases:read', 'cases:write'], 'paper mandate 2026-119'));
    expect(atWindow.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.principalId' });
    expect(await state(A)).toEqual(before);
  });

  it('shows a mandate to an officer only with cases:read and a stated purpose', async () => {
    const id = await grant(C, A, [Y.itemCode]);
    const query = 'query($id: ID!) { mandate(id: $id) { id principalId grantedBy } }';
    expect(codeOf(await platform.query(query, { id }, await officer(['cases:read'])))).toBe('FORBIDDEN');
    expect(codeOf(await platform.query(query, { id }, await officer(['population:read'], 'check')))).toBe('FORBIDDEN');
    const read = await platform.query(query, { id }, await officer(['cases:read'], 'window 3: applicant asks'));
    expect(read.data!.mandate).toMatchObject({ id, grantedBy: 'PRINCIPAL' });
  });
});

describe("acting for an enterprise needs the enterprise's mandate", () => {
  it('lets the enterprise open its own case and refuses any citizen without its mandate', async () => {
    const before = await state(E);
    const byCitizen = await platform.query(SUBMIT, { input: submission(E, F, 'ENTERPRISE') }, await citizen(B));
    expect(codeOf(byCitizen)).toBe('FORBIDDEN');
    const byOtherFirm = await platform.query(SUBMIT, { input: submission(E, F, 'ENTERPRISE') }, await enterprise(enterpriseAt(7, 1, 50).creditCode));
    expect(codeOf(byOtherFirm)).toBe('FORBIDDEN');
    expect(await state(E)).toEqual(before);
    const own = await platform.query(SUBMIT, { input: submission(E, F, 'ENTERPRISE') }, await enterprise(E));
    expect(own.errors).toBeUndefined();
  });

  it('lets a citizen act for the enterprise under the mandate its own sign-in granted, for that item only', async () => {
    const granted = await platform.query(GRANT, { input: mandateFor(E, B, [F.itemCode], undefined, 'ENTERPRISE') }, await enterprise(E));
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantMandate).toMatchObject({ grantedBy: 'PRINCIPAL', itemCodes: [F.itemCode], active: true });
    const forF = await platform.query(SUBMIT, { input: submission(E, F, 'ENTERPRISE') }, await citizen(B));
    expect(forF.errors).toBeUndefined();
    const before = await state(E);
    expect(codeOf(await platform.query(SUBMIT, { input: submission(E, G, 'ENTERPRISE') }, await citizen(B)))).toBe('FORBIDDEN');
    expect(codeOf(await platform.query(SUBMIT, { input: submission(E, F, 'ENTERPRISE') }, await citizen(C)))).toBe('FORBIDDEN');
    expect(await state(E)).toEqual(before);
  });
});

describe("the principal's data tracker says who acted for them", () => {
  it('records the submission and the reads of the case as done on behalf of A by B, under the mandate', async () => {
    const id = await grant(personAt(7, 10).id, B, [X.itemCode]);
    const principal = personAt(7, 10).id;
    const submitted = await platform.query(
      'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }',
      { input: submission(principal, X) },
      await citizen(B),
    );
    expect(submitted.errors).toBeUndefined();
    const caseId = submitted.data!.submitCase.id;
    expect((await platform.query('query($id: ID!) { case(id: $id) { applicantId status } }', { id: caseId }, await citizen(B))).errors).toBeUndefined();
    await platform.departments.cases!.delivery!.flush();
    const tracker = await platform.query(
      '{ myDataAccesses(first: 100) { nodes { department callerRole fields agent mandate } } }',
      {},
      await citizen(principal),
    );
    expect(tracker.errors).toBeUndefined();
    const onBehalf = tracker.data!.myDataAccesses.nodes.filter((n: { agent: string | null }) => n.agent !== null);
    // the agent's identity number is masked like anyone else's; the mandate names which power was used
    expect(onBehalf).toEqual([
      { department: 'cases', callerRole: 'CITIZEN', fields: ['Case.applicantId'], agent: maskResidentId(B), mandate: id },
      { department: 'cases', callerRole: 'CITIZEN', fields: ['Mutation.submitCase'], agent: maskResidentId(B), mandate: id },
    ]);
    // the agent's own tracker has no entry claiming someone acted for them
    const agents = await platform.query('{ myDataAccesses(first: 100) { nodes { agent } } }', {}, await citizen(B));
    expect(agents.data!.myDataAccesses.nodes.every((n: { agent: string | null }) => n.agent === null)).toBe(true);
  });
});
