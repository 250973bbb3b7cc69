import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../platform/errors.js';
import type { GraphQLResult } from '../platform/testing.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Issue 16, item 4: one HTTP status per error code (README "Errors"), whether the gateway refused the
// request before planning it or a department refused a root field: every code is driven through a
// real gateway here and its status checked against the one table (platform/errors.ts HTTP_STATUS).

const SEED = 7; // the test platform seeds 50 people with seed 7
const IMPL = sampleImplementations(SEED).find((i) => i.itemCode === 'JF-040003-001')!;
const alice = personAt(SEED, 2).id;
const bob = personAt(SEED, 6).id;
const officer = async () => ({
  ...(await bearer({ role: 'OFFICER', subject: 'officer-status', department: IMPL.departmentCode, scopes: ['cases:read', 'cases:write'] })),
  'x-purpose': 'status test',
});

let platform: TestPlatform;
beforeAll(async () => {
  // small enough for one caller to reach with a few costly requests, large enough for every other request here
  platform = await startPlatform({ RATE_LIMIT_CAPACITY: '200', RATE_LIMIT_REFILL_PER_SECOND: '1' });
});
afterAll(() => platform?.close());

/** The answer has no data, every error carries the code, and the status is the code's one status. */
function expectCode(res: GraphQLResult, code: string): void {
  expect(
    res.errors?.map((e) => e.extensions?.code),
    JSON.stringify(res.errors),
  ).toEqual(res.errors?.map(() => code));
  expect(res.status, `${code}: ${JSON.stringify(res.errors)}`).toBe(HTTP_STATUS[code]);
  expect(Object.values((res.data ?? {}) as Record<string, unknown>).every((v) => v === null)).toBe(true);
}

const SUBMIT = 'mutation($input: SubmitCaseInput!, $key: String) { submitCase(input: $input, idempotencyKey: $key) { ... on Case { id status } } }';
const submission = (channel: string) => ({
  itemCode: IMPL.itemCode,
  implementationCode: IMPL.code,
  applicantKind: 'PERSON',
  applicantId: alice,
  channel,
});

describe('each code has its one status, through the gateway', () => {
  it('BAD_USER_INPUT is 400 from the gateway (first: 101, first: -1) and from a department (a cursor of another order, last with after)', async () => {
    expectCode(await platform.query('{ serviceItems(first: 101) { nodes { code } } }'), 'BAD_USER_INPUT');
    expectCode(await platform.query('{ regions(first: -1) { nodes { code } } }'), 'BAD_USER_INPUT');
    const page = await platform.query('{ cases(first: 1) { pageInfo { endCursor } } }', {}, await officer());
    const cursor = page.data?.cases.pageInfo.endCursor as string;
    expectCode(
      await platform.query('query($c: String) { cases(orderBy: DUE_SOONEST, after: $c) { nodes { id } } }', { c: cursor }, await officer()),
      'BAD_USER_INPUT',
    );
    expectCode(await platform.query('query($c: String) { cases(last: 2, after: $c) { nodes { id } } }', { c: cursor }, await officer()), 'BAD_USER_INPUT');
  });

  it("GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST and PERSISTED_QUERY_NOT_FOUND are 400: Apollo's own codes for a malformed request", async () => {
    expectCode(await platform.query('{ region(code: "110000") { name }'), 'GRAPHQL_PARSE_FAILED');
    expectCode(await platform.query('{ region(code: "110000") { nameOfIt } }'), 'GRAPHQL_VALIDATION_FAILED');
    const post = (body: unknown) =>
      fetch(platform.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        ...((await r.json()) as Omit<GraphQLResult, 'status'>),
      }));
    expectCode(await post({ variables: {} }), 'BAD_REQUEST');
    expectCode(await post({ documentId: `sha256:${'0'.repeat(64)}` }), 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('QUERY_TOO_COMPLEX is 400', async () => {
    expectCode(await platform.query(`{ region(code: "110000") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }`), 'QUERY_TOO_COMPLEX');
  });

  it('UNAUTHENTICATED is 401', async () => {
    expectCode(await platform.query('{ region(code: "110000") { name } }', {}, { authorization: 'Bearer not-a-token' }), 'UNAUTHENTICATED');
  });

  it('FORBIDDEN is 403, from the gateway (a role that can never see the field) and from a department (another citizen)', async () => {
    expectCode(await platform.query('{ accessLog(first: 1) { nodes { seq } } }', {}, await bearer({ role: 'CITIZEN', subject: alice })), 'FORBIDDEN');
    expectCode(await platform.query(`{ person(id: "${alice}") { name } }`, {}, await bearer({ role: 'CITIZEN', subject: bob })), 'FORBIDDEN');
  });

  it('NOT_FOUND is 404, one error or two', async () => {
    expectCode(await platform.query('{ serviceItem(code: "NO-SUCH-ITEM") { name } }'), 'NOT_FOUND');
    expectCode(await platform.query('{ a: serviceItem(code: "NO-SUCH-ITEM") { name } b: department(code: "NO-SUCH-AGENCY") { name } }'), 'NOT_FOUND');
  });

  it('CONFLICT and ILLEGAL_TRANSITION are 409', async () => {
    const headers = await bearer({ role: 'CITIZEN', subject: alice });
    const first = await platform.query(SUBMIT, { input: submission('WEB_PORTAL'), key: 'status-1' }, headers);
    expect(first.errors).toBeUndefined();
    expectCode(await platform.query(SUBMIT, { input: submission('SERVICE_HALL'), key: 'status-1' }, headers), 'CONFLICT');
    // a case's illegal step is a typed result (IllegalTransition, data); an appeal's is still an error
    const hotline = {
      ...(await bearer({ role: 'OFFICER', subject: 'hotline-1', department: IMPL.departmentCode, scopes: ['appeals:read', 'appeals:write'] })),
      'x-purpose': 'status test',
    };
    const closed = await platform.query('{ appeals(status: CLOSED, first: 1) { nodes { id } } }', {}, hotline);
    const appeal = closed.data?.appeals.nodes[0]?.id as string;
    expect(appeal, JSON.stringify(closed.errors)).toBeDefined();
    const respond = 'mutation($id: ID!) { respondToAppeal(id: $id, response: "答复") { id } }';
    expectCode(await platform.query(respond, { id: appeal }, hotline), 'ILLEGAL_TRANSITION');
  });

  it('RATE_LIMITED is 429 with Retry-After', async () => {
    const headers = await bearer({ role: 'CITIZEN', subject: bob });
    const costly = `{ ${Array.from({ length: 25 }, (_, i) => `r${i}: regions(first: 3) { nodes { code } }`).join(' ')} }`;
    let limited: GraphQLResult | undefined;
    for (let i = 0; i < 10 && !limited; i += 1) {
      const res = await platform.query(costly, {}, headers);
      if (res.errors) limited = res;
    }
    expectCode(limited!, 'RATE_LIMITED');
  });

  it('mixed codes with no answer: 400 for different client errors, whatever their order', async () => {
    const query = `{ serviceItem(code: "NO-SUCH-ITEM") { name } person(id: "${alice}") { name } }`;
    const both = await platform.query(query, {}, await bearer({ role: 'CITIZEN', subject: bob }));
    expect(both.errors?.map((e) => e.extensions?.code).sort()).toEqual(['FORBIDDEN', 'NOT_FOUND']);
    expect(both.status).toBe(400);
  });

  it('a partial answer is 200, each error with its code', async () => {
    const res = await platform.query('{ region(code: "110000") { name } serviceItem(code: "NO-SUCH-ITEM") { name } }');
    expect(res.status).toBe(200);
    expect(res.data?.region.name).toBe('北京市');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  // last: it stops a department
  it('SUBGRAPH_UNAVAILABLE is 502 when nothing was answered, 200 beside an answer', async () => {
    await platform.departments.regions!.close();
    expectCode(await platform.query('{ region(code: "110000") { name } }'), 'SUBGRAPH_UNAVAILABLE');
    const partial = await platform.query('{ region(code: "110000") { name } serviceItems(first: 1) { nodes { code } } }');
    expect(partial.status).toBe(200);
    expect(partial.data?.serviceItems.nodes).toHaveLength(1);
    expect(partial.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});
