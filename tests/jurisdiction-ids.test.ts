import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Ids of partitioned records (cases, evaluations, rectifications, appeals) begin with the two-digit
// GB/T 2260 province of their jurisdiction, so the jurisdiction router can send a look-up by id to
// its province's instance. Through the gateway: every id a mutation makes carries the province of
// its region, and an id that carries none is an unknown record (NOT_FOUND, 404), never a 500.

const SEED = 7; // the test platform seeds 50 people with seed 7
// 失业保险金申领: persons, online or at the hall
const IMPL = sampleImplementations(SEED).find((i) => i.itemCode === 'JF-040003-001')!;
const PROVINCE = IMPL.regionCode.slice(0, 2);
const alice = personAt(SEED, 1).id;
const as = (subject: string) => bearer({ role: 'CITIZEN', subject });
const officer = (scopes: string[]) => bearer({ role: 'OFFICER', subject: 'officer-7', department: IMPL.departmentCode, scopes });
const PURPOSE = { 'x-purpose': 'jurisdiction ids test' };

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const { data, errors } = await platform.query<T>(query, variables, headers);
  expect(errors).toBeUndefined();
  return data!;
}

describe('ids made by mutations begin with the province of their region', () => {
  it('a submitted case, its evaluation and the rectification a bad rating opens', async () => {
    const input = { itemCode: IMPL.itemCode, implementationCode: IMPL.code, applicantKind: 'PERSON', applicantId: alice, channel: 'WEB_PORTAL' };
    const submitted = await ok(
      'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id region { code } } } }',
      { input },
      await as(alice),
    );
    const caseId: string = submitted.submitCase.id;
    expect(caseId).toMatch(new RegExp(`^${PROVINCE}C\\d{8}N[0-9A-Z]{10}$`));
    const handler = { ...(await officer(['cases:read', 'cases:write'])), ...PURPOSE };
    for (const step of ['acceptCase', 'startReview', 'approveCase', 'deliverCase']) {
      const taken = await ok(`mutation($id: ID!) { ${step}(id: $id, channel: SERVICE_HALL) { __typename ... on Case { id } } }`, { id: caseId }, handler);
      expect(taken[step].__typename, step).toBe('Case');
    }
    const { case: found } = await ok('query($id: ID!) { case(id: $id) { ratingTicket } }', { id: caseId }, await as(alice));
    const rating = { caseId, ratingTicket: found.ratingTicket, level: 'VERY_DISSATISFIED', comment: '材料退回三次', channel: 'MOBILE_APP' };
    const rated = await ok(
      'mutation($input: RateCaseInput!) { rateCase(input: $input) { id rectification { id } } }',
      { input: { ...rating, dimensions: { overall: 1, efficiency: 1, guideAccuracy: 1, convenience: 1, usability: 1 } } },
      await as(alice),
    );
    expect(rated.rateCase).toEqual({ id: `${PROVINCE}E-${caseId.slice(2)}`, rectification: { id: `${PROVINCE}R-${caseId.slice(2)}` } });
  });

  it('a registered appeal', async () => {
    const region = '330106'; // 杭州市西湖区
    const input = { kind: 'SUGGESTION', category: 'TRANSPORT', text: '建议延长地铁末班车时间。', region, channel: 'MOBILE_APP' };
    const registered = await ok('mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id } }', { input }, await as(alice));
    expect(registered.registerAppeal.id).toMatch(/^33A\d{16}$/);
  });
});

describe('an id without a known province names no record', () => {
  const MALFORMED = ['', 'XXC2026120200000005', '99C2026120200000005', '16A2026120200000005', 'C2026120200000005', 'A2026120200000005', 'E-C2026120200000005'];
  const LOOKUPS: [string, string[]][] = [
    ['case', ['cases:read']],
    ['evaluation', ['evaluation:read']],
    ['rectification', ['evaluation:read']],
    ['appeal', ['appeals:read']],
  ];

  it.each(LOOKUPS)('%s(id:) answers NOT_FOUND with 404, never INTERNAL', async (field, scopes) => {
    const headers = { ...(await officer(scopes)), ...PURPOSE };
    for (const id of MALFORMED) {
      const result = await platform.query(`query($id: ID!) { ${field}(id: $id) { id } }`, { id }, headers);
      expect(
        result.errors?.map((e) => e.extensions?.code),
        `${field}(id: ${JSON.stringify(id)})`,
      ).toEqual(['NOT_FOUND']);
      expect(result.status).toBe(404);
    }
  });

  it('a handling step on such an id is NOT_FOUND and changes nothing', async () => {
    const headers = { ...(await officer(['cases:read', 'cases:write', 'appeals:read', 'appeals:write'])), ...PURPOSE };
    for (const id of MALFORMED) {
      const accept = await platform.query('mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { ... on Case { id } } }', { id }, headers);
      expect(accept.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      const respond = await platform.query('mutation($id: ID!) { respondToAppeal(id: $id, response: "已处理") { id } }', { id }, headers);
      expect(respond.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('a case: purpose naming a case id without its province is refused as BAD_USER_INPUT (400) before anything is read', async () => {
    for (const id of ['C2026120200000005', '99C2026120200000005', 'XXC2026120200000005']) {
      const headers = { ...(await officer(['cases:read'])), 'x-purpose': `case:${id}` };
      const result = await platform.query('query($id: ID!) { case(id: $id) { id } }', { id: `${PROVINCE}C2026120200000005` }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.message).toMatch(/is not a case number \(the province's 2 digits/);
    }
  });
});
