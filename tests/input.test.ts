import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredAgencies } from '../reference/agencies.js';
import { personAt } from '../samples/synthetic.js';
import { MAX_MUTATION_TEXT, MAX_QUERY_TEXT } from '../platform/text-input.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Trust, part 1, items 5 and 6: bad input is a 4xx with a reason, always; limits refuse
// what is costly, not what is legitimate. Every test is written as the attack.

// The test platform seeds 50 people with seed 7 (platform/testing.ts).
const alice = personAt(7, 0);
const asOfficer = async (scopes: string[]) => ({
  'x-purpose': 'case C20261125000007',
  ...(await bearer({ role: 'OFFICER', subject: 'officer-5', department: registeredAgencies()[0]!.code, scopes })),
});
const auditor = () => bearer({ role: 'AUDITOR', subject: 'auditor-5' });

let platform: TestPlatform;
beforeAll(async () => {
  // the export test asks for 11,000 rows in a row: the rate limit is security.test.ts's business
  platform = await startPlatform({ RATE_LIMIT_CAPACITY: '100000', RATE_LIMIT_REFILL_PER_SECOND: '100000' });
});
afterAll(() => platform?.close());

type Result = Awaited<ReturnType<TestPlatform['query']>>;

/** A refusal: the status, the code, the argument named, a reason, no data and no SQL sent by any department. */
function expectRefused(res: Result, status: number, code: string, argument?: string): void {
  expect(res.status, JSON.stringify(res.errors)).toBe(status);
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  if (argument) expect(res.errors?.[0]?.extensions?.argument).toBe(argument);
  expect(res.errors?.[0]?.message).not.toMatch(/internal|sql|unrecognized token|select |stack/i);
}

describe('an identifier, division code or date written inline is a 400 with its reason, as in a variable', () => {
  it.each([
    ['resident identity number', `{ person(id: "${alice.id.slice(0, 17)}${alice.id.endsWith('1') ? '2' : '1'}") { name } }`, 'id'],
    ['division code', '{ region(code: "11000A") { name } }', 'code'],
    ['date', '{ enterprises(registeredFrom: "2026-02-30") { nodes { name } } }', 'registeredFrom'],
  ])('%s', async (_, query, argument) => {
    platform.resetSql();
    const res = await platform.query(query, {}, await asOfficer(['population:read', 'market:read']));
    expectRefused(res, 400, 'BAD_USER_INPUT', argument);
    expect(platform.sqlCount()).toBe(0);
  });
});

describe('text filters: control characters and over-long text are a 400, never reach SQL', () => {
  const filters: [string, string, () => Promise<Record<string, string>>][] = [
    ['regions(nameContains:)', 'query($t: String) { regions(nameContains: $t) { nodes { code } } }', async () => ({})],
    ['serviceItems(search:)', 'query($t: String) { serviceItems(search: $t) { nodes { code } } }', async () => ({})],
    ['enterprises(name:)', 'query($t: String) { enterprises(name: $t) { nodes { creditCode } } }', async () => ({})],
    ['accessLog(purpose:)', 'query($t: String) { accessLog(purpose: $t) { nodes { seq } } }', auditor],
  ];

  it.each(filters)('a NUL byte in %s, as a variable and inline', async (_, query, headers) => {
    platform.resetSql();
    expectRefused(await platform.query(query, { t: '北\u0000京' }, await headers()), 400, 'BAD_USER_INPUT', '$t');
    const inline = query.replace('query($t: String) ', '').replace('$t', '"北\\u0000京"');
    const res = await platform.query(inline, {}, await headers());
    expectRefused(res, 400, 'BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/control characters \(U\+0000/);
    expect(platform.sqlCount()).toBe(0);
  });

  it.each(filters)('a search of 50,000 characters in %s', async (_, query, headers) => {
    platform.resetSql();
    const res = await platform.query(query, { t: '京'.repeat(50_000) }, await headers());
    expectRefused(res, 400, 'BAD_USER_INPUT', '$t');
    expect(res.errors?.[0]?.message).toContain(`at most ${MAX_QUERY_TEXT} characters`);
    expect(platform.sqlCount()).toBe(0);
  });

  it('still finds by a legitimate filter, and %, _ and \\ match themselves', async () => {
    const found = await platform.query('{ regions(nameContains: "北京") { nodes { code } } }');
    expect(found.status).toBe(200);
    expect(found.data?.regions.nodes.length).toBeGreaterThan(0);
    for (const wildcard of ['%', '_', '\\\\']) {
      const res = await platform.query(`{ regions(nameContains: "${wildcard}") { nodes { code } } serviceItems(search: "${wildcard}") { nodes { code } } }`);
      expect(res.status, wildcard).toBe(200);
      expect(res.data?.regions.nodes, wildcard).toEqual([]);
      expect(res.data?.serviceItems.nodes, wildcard).toEqual([]);
    }
  });

  it('a mutation text over its maximum, or with a NUL byte, is a 400 before any department, and nothing is stored', async () => {
    const headers = await bearer({ role: 'CITIZEN', subject: alice.id });
    const register = 'mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id } }';
    const input = (text: string) => ({ input: { kind: 'COMPLAINT', category: 'SOCIAL_SECURITY', text, region: '110105', channel: 'WEB_PORTAL' } });
    for (const [text, reason] of [
      ['x'.repeat(MAX_MUTATION_TEXT + 1), `at most ${MAX_MUTATION_TEXT} characters`],
      ['the window\u0000was closed', 'control characters (U+0000'],
    ] as const) {
      platform.resetSql();
      const res = await platform.query(register, input(text), headers);
      expectRefused(res, 400, 'BAD_USER_INPUT', '$input.text');
      expect(res.errors?.[0]?.message).toContain(reason);
      expect(platform.sqlCount()).toBe(0);
    }
    // line breaks are text, not control: a legitimate appeal still goes through
    const ok = await platform.query(register, input('第一行\n第二行'), headers);
    expect(ok.status, JSON.stringify(ok.errors)).toBe(200);
    expect(ok.data?.registerAppeal.id).toEqual(expect.any(String));
  });
});

describe('a department checks texts itself: a NUL byte sent straight to it is refused, not an SQL error', () => {
  it('answers 400 BAD_USER_INPUT for a NUL byte in a filter, on SQLite and PostgreSQL', async () => {
    const res = await platform.departments.regions!.query('{ regions(nameContains: "北\\u0000京") { nodes { code } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });
});

describe('page sizes', () => {
  it.each([
    ['a negative first inline', '{ regions(first: -1) { nodes { code } } }', {}, 'first'],
    ['a negative first as a variable', 'query($n: Int) { serviceItems(first: $n) { nodes { code } } }', { n: -5 }, 'first'],
    ['a negative last, nested', `{ person(id: "${alice.id}") { name cases(last: -2) { nodes { id } } } }`, {}, 'last'],
  ])('%s is 400 BAD_USER_INPUT saying why, before any department reads', async (_, query, variables, argument) => {
    platform.resetSql();
    // the person herself: every field is hers to read, only the page size is wrong
    const res = await platform.query(query, variables, await bearer({ role: 'CITIZEN', subject: alice.id }));
    expectRefused(res, 400, 'BAD_USER_INPUT', argument);
    expect(res.errors?.[0]?.message).toMatch(/^(first|last): -\d+ on \w+\.\w+ is negative; pass 0 to 100/);
    expect(platform.sqlCount()).toBe(0);
  });

  it.each([
    ['inline', '{ serviceItems(first: 0) { nodes { code } totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }', {}],
    [
      'as a variable',
      'query($n: Int) { serviceItems(first: $n) { nodes { code } totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
      { n: 0 },
    ],
  ])('first: 0 %s is a count-only page: 200, no nodes, totalCount and pageInfo', async (_, query, variables) => {
    const res = await platform.query(query, variables);
    expect(res.status, JSON.stringify(res.errors)).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.serviceItems.nodes).toEqual([]);
    expect(res.data?.serviceItems.totalCount).toBeGreaterThan(0);
    expect(res.data?.serviceItems.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it("first: 0 nested counts the citizen's own cases", async () => {
    const res = await platform.query(
      `{ person(id: "${alice.id}") { cases(first: 0) { nodes { id } totalCount } } }`,
      {},
      await bearer({ role: 'CITIZEN', subject: alice.id }),
    );
    expect(res.status, JSON.stringify(res.errors)).toBe(200);
    expect(res.data?.person.cases).toEqual({ nodes: [], totalCount: expect.any(Number) });
  });

  it('exportAccessLog takes its documented 1..10000', async () => {
    const headers = await auditor();
    for (const first of [1000, 10_000]) {
      const res = await platform.query(`{ exportAccessLog(first: ${first}) { count jsonLines pageInfo { hasNextPage } } }`, {}, headers);
      expect(res.status, JSON.stringify(res.errors)).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data?.exportAccessLog.count).toEqual(expect.any(Number));
    }
    const over = await platform.query('{ exportAccessLog(first: 10001) { count } }', {}, headers);
    expectRefused(over, 400, 'BAD_USER_INPUT', 'first');
    expect(over.errors?.[0]?.message).toContain('between 1 and 10000');
    expectRefused(await platform.query('{ exportAccessLog(first: 0) { count } }', {}, headers), 400, 'BAD_USER_INPUT', 'first');
    // a page size far beyond any export is still too costly to plan
    expectRefused(await platform.query('{ exportAccessLog(first: 1000000) { count } }', {}, headers), 400, 'QUERY_TOO_COMPLEX');
  });
});

describe('every error code has one HTTP status', () => {
  it('NOT_FOUND 404, FORBIDDEN 403, UNAUTHENTICATED 401, BAD_USER_INPUT and QUERY_TOO_COMPLEX 400', async () => {
    expectRefused(await platform.query('{ serviceItem(code: "NO-SUCH-ITEM") { name } }'), 404, 'NOT_FOUND');
    expectRefused(await platform.query(`{ person(id: "${alice.id}") { name } }`), 403, 'FORBIDDEN');
    expectRefused(await platform.query('{ region(code: "110000") { name } }', {}, { authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED');
    expectRefused(await platform.query('{ region(code: "11000A") { name } }'), 400, 'BAD_USER_INPUT');
    expectRefused(await platform.query(`{ region(code: "110000") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }`), 400, 'QUERY_TOO_COMPLEX');
  });

  it('a department refusing a root field gives its status too, not 200 with data: null', async () => {
    // a cursor the API never returned: refused by the department, not the gateway
    const res = await platform.query('{ regions(after: "bm90LWEtY3Vyc29y") { nodes { code } } }');
    expectRefused(res, 400, 'BAD_USER_INPUT', 'after');
  });

  it('a partial answer stays 200, each error with its code', async () => {
    const res = await platform.query('{ region(code: "110000") { name } serviceItem(code: "NO-SUCH-ITEM") { name } }');
    expect(res.status).toBe(200);
    expect(res.data?.region.name).toBe('北京市');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('limits refuse what is costly, not what is legitimate', () => {
  // cases → applicant (Person | Enterprise): an applicant is one or the other, never both
  const branch = (size: number) => `certificates { id type status } cases(first: ${size}) { nodes { id status } }`;
  const query = (size: number) =>
    `{ cases(first: 100) { nodes { id applicant { ... on Person { ${branch(size)} } ... on Enterprise { ${branch(size)} } } } } }`;
  const scopes = ['cases:read', 'population:read', 'market:read', 'certificates:read'];

  it('counts the costliest type of a union, not the sum of its fragments', async () => {
    // per applicant: certificates 1 + 20 × 3, cases 1 + (1 + 40 × 2) = 143; both fragments summed would be 286
    const res = await platform.query(query(40), {}, await asOfficer(scopes));
    expect(res.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('QUERY_TOO_COMPLEX');
    expect(res.status, JSON.stringify(res.errors?.[0])).toBe(200);
    expect(res.data?.cases.nodes.length).toBeGreaterThan(0);
  });

  it('still refuses a union whose costliest type alone is too costly', async () => {
    platform.resetSql();
    const res = await platform.query(query(100), {}, await asOfficer(scopes));
    expectRefused(res, 400, 'QUERY_TOO_COMPLEX');
    expect(platform.sqlCount()).toBe(0);
  });
});
