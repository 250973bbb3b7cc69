import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';
import { registeredAgencies } from '../reference/agencies.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Officers act within their agency, and state purposes that can be checked.
// The platform runs in production mode: free-text purposes are refused there.

const alice = personAt(7, 0);
const PERSON = 'query($id: ResidentId!) { person(id: $id) { name } }';
const CASE = 'query($id: ID!) { case(id: $id) { id status allowedActions events { status } } }';
const step = (mutation: string, reason = false) =>
  `mutation($id: ID!${reason ? ', $reason: String!' : ''}) { ${mutation}(id: $id, channel: SERVICE_HALL${reason ? ', reason: $reason' : ''}) { ... on Case { id status } ... on MutationProblem { code } } }`;

const AGENCIES = registeredAgencies().map((a) => a.code);
const officer = (department: string | undefined, scopes: string[], purpose?: string) =>
  bearer({ role: 'OFFICER', subject: `officer-of-${department}`, department, scopes } as TokenRequest).then((h) =>
    purpose ? { ...h, 'x-purpose': encodeURIComponent(purpose) } : h,
  );
// reading cases needs a purpose: a registered legal basis serves every agency
const reader = () => officer(AGENCIES[0], ['cases:read'], 'basis:licensing-review');
// handling returns the case, which an officer reads with cases:read and a purpose
const handler = (department: string) => officer(department, ['cases:read', 'cases:write'], 'basis:licensing-review');

let platform: TestPlatform;
let jwks: Server;

beforeAll(async () => {
  // production takes the identity service's keys from a JWKS URL: serve the dev public key
  const keys = { keys: [(await devKeyPair('identity')).publicJwk] };
  jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys)));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  platform = await startPlatform({ NODE_ENV: 'production', AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks` });
});
afterAll(async () => {
  await platform?.close();
  jwks?.close();
});

// 失业保险金申领 (persons, online), as the test platform's catalog and cases hold it (seed 7)
const IMPLEMENTATION = sampleImplementations(7).find((i) => i.itemCode === 'JF-040003-001')!;
const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id status department { code } } } }';

/**
 * A fresh case of alice's in `status`, its implementing agency, and another agency.
 * Taking it there uses the window steps any agency may take, and the implementer's approval.
 */
async function caseIn(status: 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED'): Promise<{ id: string; implementer: string; other: string }> {
  const input = {
    itemCode: IMPLEMENTATION.itemCode,
    implementationCode: IMPLEMENTATION.code,
    applicantKind: 'PERSON',
    applicantId: alice.id,
    channel: 'WEB_PORTAL',
  };
  const submitted = await platform.query(SUBMIT, { input }, await bearer({ role: 'CITIZEN', subject: alice.id }));
  expect(submitted.errors).toBeUndefined();
  const { id, department } = submitted.data!.submitCase;
  const implementer: string = department.code;
  expect(implementer).toBe(IMPLEMENTATION.departmentCode);
  const other = AGENCIES.find((a) => a !== implementer)!;
  const steps = status === 'SUBMITTED' ? [] : status === 'UNDER_REVIEW' ? ['acceptCase', 'startReview'] : ['acceptCase', 'startReview', 'approveCase'];
  for (const mutation of steps) {
    const res = await platform.query(step(mutation), { id }, await handler(implementer));
    expect(res.errors, mutation).toBeUndefined();
    expect(res.data?.[mutation], mutation).toMatchObject({ id });
  }
  return { id, implementer, other };
}

describe('officer tokens name an existing agency', () => {
  it('refuses a made-up agency code and a missing one with 401', async () => {
    for (const department of ['PS-110000', '11110000000000000X', undefined]) {
      const res = await platform.query(PERSON, { id: alice.id }, await officer(department, ['population:read'], 'basis:hukou'));
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0]?.message).toMatch(department ? /is not an agency in the catalog/ : /must name the officer's agency/);
      expect(JSON.stringify(res)).not.toContain(alice.name);
    }
  });

  it('accepts an agency of the catalog', async () => {
    const res = await platform.query(PERSON, { id: alice.id }, await officer(AGENCIES[1], ['population:read'], 'basis:hukou'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.name).toBe(alice.name);
  });
});

describe('deciding a case is for the agency that implements it', () => {
  const read = async (id: string) => (await platform.query(CASE, { id }, await reader())).data?.case;

  it('refuses approve, refuse, suspend and deliver to another agency, and changes nothing', async () => {
    const review = await caseIn('UNDER_REVIEW');
    const approved = await caseIn('APPROVED');
    const attempts: [string, string, string][] = [
      [review.id, review.other, step('approveCase')],
      [review.id, review.other, step('refuseCase', true)],
      [review.id, review.other, step('suspendCase', true)],
      [approved.id, approved.other, step('deliverCase')],
    ];
    const before = [await read(review.id), await read(approved.id)];
    for (const [id, agency, mutation] of attempts) {
      const res = await platform.query(mutation, { id, reason: '材料不全' }, await handler(agency));
      expect(res.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/implemented by another agency/);
      expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
    }
    expect([await read(review.id), await read(approved.id)]).toEqual(before);
  });

  it("lets another agency's window accept a case (一窗受理)", async () => {
    const submitted = await caseIn('SUBMITTED');
    const res = await platform.query(step('acceptCase'), { id: submitted.id }, await handler(submitted.other));
    expect(res.errors).toBeUndefined();
    expect(res.data?.acceptCase).toEqual({ id: submitted.id, status: 'ACCEPTED' });
  });

  it('lets an officer of the implementing agency decide it', async () => {
    const review = await caseIn('UNDER_REVIEW');
    const approved = await caseIn('APPROVED');
    const approve = await platform.query(step('approveCase'), { id: review.id }, await handler(review.implementer));
    expect(approve.errors).toBeUndefined();
    expect(approve.data?.approveCase.status).toBe('APPROVED');
    const deliver = await platform.query(step('deliverCase'), { id: approved.id }, await handler(approved.implementer));
    expect(deliver.data?.deliverCase.status).toBe('DELIVERED');
  });
});

describe('purposes are a case of the agency or a registered legal basis (production)', () => {
  it('refuses a free-text purpose, saying how to state one', async () => {
    const res = await platform.query(PERSON, { id: alice.id }, await officer(AGENCIES[2], ['population:read'], 'checking an address'));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/free text is not accepted/);
    expect(res.errors?.[0]?.message).toContain('case:<case id>');
    expect(res.errors?.[0]?.message).toContain('basis:hukou');
    expect(JSON.stringify(res)).not.toContain(alice.name);
    const unknownBasis = await platform.query(PERSON, { id: alice.id }, await officer(AGENCIES[2], ['population:read'], 'basis:curiosity'));
    expect(unknownBasis.status).toBe(400);
    expect(unknownBasis.errors?.[0]?.message).toMatch(/not a registered legal basis/);
  });

  it("refuses case:<id> of a case the officer's agency does not handle, exactly as an unknown case", async () => {
    const { id, other } = await caseIn('SUBMITTED');
    const notOurs = await platform.query(PERSON, { id: alice.id }, await officer(other, ['population:read'], `case:${id}`));
    expect(notOurs.status).toBe(403);
    expect(notOurs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(notOurs.errors?.[0]?.message).toContain(`case ${id} is not a case your agency handles`);
    expect(JSON.stringify(notOurs)).not.toContain(alice.name);
    const unknown = await platform.query(PERSON, { id: alice.id }, await officer(other, ['population:read'], 'case:11C2000010100000000'));
    expect(unknown.status).toBe(403);
    expect(unknown.errors?.[0]?.message.replace('11C2000010100000000', id)).toBe(notOurs.errors?.[0]?.message);
  });

  it("accepts case:<id> of the officer's own agency and a registered legal basis", async () => {
    const { id, implementer } = await caseIn('SUBMITTED');
    const ours = await platform.query(PERSON, { id: alice.id }, await officer(implementer, ['population:read'], `case:${id}`));
    expect(ours.errors).toBeUndefined();
    expect(ours.data?.person.name).toBe(alice.name);
    const basis = await platform.query(PERSON, { id: alice.id }, await officer(AGENCIES[3], ['population:read'], 'basis:hukou'));
    expect(basis.errors).toBeUndefined();
    expect(basis.data?.person.name).toBe(alice.name);
  });

  it('shows the citizen each purpose in words in her data tracker', async () => {
    const { id, implementer } = await caseIn('SUBMITTED');
    expect((await platform.query(PERSON, { id: alice.id }, await officer(implementer, ['population:read'], `case:${id}`))).errors).toBeUndefined();
    expect((await platform.query(PERSON, { id: alice.id }, await officer(AGENCIES[3], ['population:read'], 'basis:hukou'))).errors).toBeUndefined();
    await platform.departments.population!.delivery!.flush();
    const mine = await platform.query(
      '{ myDataAccesses(first: 100) { nodes { purpose purposeText callerDepartment } } }',
      {},
      await bearer({ role: 'CITIZEN', subject: alice.id }),
    );
    expect(mine.errors).toBeUndefined();
    const nodes: { purpose: string; purposeText: string; callerDepartment: string }[] = mine.data!.myDataAccesses.nodes;
    expect(nodes).toContainEqual({
      purpose: 'basis:hukou',
      purposeText: '户口登记管理（依据《中华人民共和国户口登记条例》第三条）',
      callerDepartment: AGENCIES[3],
    });
    expect(nodes).toContainEqual({ purpose: `case:${id}`, purposeText: `办理办件 ${id}`, callerDepartment: implementer });
  });
});
