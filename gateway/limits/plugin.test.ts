import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../platform/errors.js';
import { formatError } from '../../platform/format-error.js';
import { limitsPlugin, stripSuggestions } from './plugin.js';
import { createRateLimiter } from './rate-limit.js';
import { TEST_SDL } from './test-schema.js';

interface TestContext {
  caller: string;
  admin: boolean;
}

let resolverCalls = 0;
const user = {
  id: 'u1',
  name: 'Li Lei',
  secret: 's',
  tags: ['a'],
  friends: () => (resolverCalls++, [user]),
  orders: () => (resolverCalls++, { nodes: [], pageInfo: { hasNextPage: false } }),
};
const rootValue = {
  me: () => (resolverCalls++, user),
  users: () => (resolverCalls++, [user, user]),
  node: () => (resolverCalls++, { ...user, __typename: 'User' }),
};

let production = true;
let clock = 0;

function server(options: { tokens?: number; rateLimited?: boolean } = {}) {
  return new ApolloServer<TestContext>({
    schema: buildSchema(TEST_SDL),
    rootValue,
    // The plugin decides who may introspect; Apollo's own switch would refuse
    // __schema in validation before the plugin could ask mayIntrospect.
    introspection: true,
    ...(options.tokens ? { parseOptions: { maxTokens: options.tokens } } : {}),
    formatError: (formatted, error) => {
      const masked = formatError(formatted, error);
      return { ...masked, message: stripSuggestions(masked.message) };
    },
    plugins: [
      limitsPlugin({
        callerKey: (ctx) => ctx.caller,
        production: () => production,
        mayIntrospect: (ctx) => ctx.admin,
        ...(options.rateLimited ? { rateLimiter: createRateLimiter({ capacity: 50, refillPerSecond: 1, now: () => clock }) } : {}),
      }),
    ],
  });
}

async function post(
  s: ApolloServer<TestContext>,
  query: string,
  { variables, caller = 'anon', admin = false }: { variables?: Record<string, unknown>; caller?: string; admin?: boolean } = {},
) {
  const response = await s.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: variables ? { query, variables } : { query },
    },
    context: async () => ({ caller, admin }),
  });
  if (response.body.kind !== 'complete') throw new Error('expected a complete body');
  const body = JSON.parse(response.body.string) as {
    data?: unknown;
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
  return { status: response.status ?? 200, headers: response.headers, body, error: body.errors?.[0] };
}

const nest = (levels: number) => `{ me ${'{ friends '.repeat(levels)}{ id }${' }'.repeat(levels)} }`;

describe('limitsPlugin in Apollo Server', () => {
  const plain = server();
  const limited = server({ rateLimited: true });
  const fewTokens = server({ tokens: 40 });

  beforeAll(async () => {
    await Promise.all([plain.start(), limited.start(), fewTokens.start()]);
  });
  afterAll(async () => {
    await Promise.all([plain.stop(), limited.stop(), fewTokens.stop()]);
  });
  beforeEach(() => {
    resolverCalls = 0;
    production = true;
  });

  it('lets a modest query through', async () => {
    const { status, body } = await post(plain, '{ me { name friends(first: 2) { id } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { name: 'Li Lei', friends: [{ id: 'u1' }] } });
    expect(resolverCalls).toBe(2);
  });

  it('refuses a too deep query with 400 QUERY_TOO_COMPLEX, calling no resolver', async () => {
    const { status, error } = await post(plain, nest(12)); // me + 12 friends + id = 14
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QueryTooComplex, limit: 'depth' });
    expect(error?.message).toBe('Query depth 14 exceeds the limit of 12; split the query or fetch the deeper part separately.');
    expect(error?.extensions.http).toBeUndefined();
    expect(resolverCalls).toBe(0);
  });

  it('sees depth hidden in fragments', async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => (i < 11 ? `fragment F${i} on User { friends { ...F${i + 1} } }` : `fragment F${i} on User { id }`));
    const { status, error } = await post(plain, `{ me { ...F0 } } ${fragments.join(' ')}`);
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QueryTooComplex, limit: 'depth' });
    expect(resolverCalls).toBe(0);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
    const { status, error } = await post(plain, `{ ${aliases} }`);
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QueryTooComplex, limit: 'aliases' });
    expect(resolverCalls).toBe(0);
  });

  it('refuses an oversized page, from a variable, as BAD_USER_INPUT naming the argument', async () => {
    const { status, error } = await post(plain, 'query ($n: Int) { users(first: $n) { id } }', { variables: { n: 500 } });
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.BadUserInput, argument: 'first', limit: 'listArgument' });
    expect(error?.message).toMatch(/^first: 500 on Query\.users exceeds the maximum page size of 100/);
    expect(resolverCalls).toBe(0);
  });

  it('rate-limits by estimated cost with 429, retryAfterSeconds and Retry-After', async () => {
    const query = '{ users(first: 10) { id } }'; // cost 11
    for (let i = 0; i < 4; i++) expect((await post(limited, query, { caller: 'c1' })).status).toBe(200);
    const callsBefore = resolverCalls;
    const refused = await post(limited, query, { caller: 'c1' }); // 6 tokens left
    expect(refused.status).toBe(429);
    expect(refused.error?.extensions).toMatchObject({ code: ErrorCode.RateLimited, retryAfterSeconds: 5 });
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(resolverCalls).toBe(callsBefore);
    // another caller has their own bucket; aliased copies pay for each copy
    const twice = '{ a: users(first: 10) { id } b: users(first: 10) { id } }';
    expect((await post(limited, twice, { caller: 'c2' })).status).toBe(200);
    expect((await post(limited, twice, { caller: 'c2' })).status).toBe(200);
    expect((await post(limited, twice, { caller: 'c2' })).status).toBe(429);
    clock += 5_000;
    expect((await post(limited, query, { caller: 'c1' })).status).toBe(200);
  });

  it('refuses introspection in production unless the caller may introspect', async () => {
    const query = getIntrospectionQuery();
    const refused = await post(plain, query);
    expect(refused.status).toBe(403);
    expect(refused.error?.extensions).toMatchObject({ code: ErrorCode.Forbidden });
    expect(refused.body.data).toBeUndefined();

    const admin = await post(plain, query, { admin: true });
    expect(admin.status).toBe(200);
    expect(admin.body.errors).toBeUndefined();

    production = false;
    expect((await post(plain, '{ __type(name: "User") { name } }')).status).toBe(200);
    expect(resolverCalls).toBe(0);
  });

  it('lets the parser refuse a document over maxTokens with 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, error } = await post(fewTokens, `{ me { ${'id name '.repeat(20)}} }`); // 45 tokens
    expect(status).toBe(400);
    expect(error?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error?.message).toBe('Syntax Error: Document contains more that 40 tokens. Parsing aborted.');
    expect(resolverCalls).toBe(0);
  });

  it('refuses a document whose operation cannot be chosen', async () => {
    const both = 'query A { me { id } } query B { users { id } }';
    const { status, error } = await post(plain, both);
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.BadUserInput, argument: 'operationName' });
    expect(resolverCalls).toBe(0);
  });

  it('strips "Did you mean" hints from validation errors', async () => {
    const { status, error } = await post(plain, '{ me { nmae } }');
    expect(status).toBe(400);
    expect(error?.message).toBe('Cannot query field "nmae" on type "User".');
  });
});

describe('stripSuggestions', () => {
  it.each([
    ['Cannot query field "nmae" on type "User". Did you mean "name"?', 'Cannot query field "nmae" on type "User".'],
    ['Unknown argument "frist" on field "Query.users". Did you mean "first" or "last"?', 'Unknown argument "frist" on field "Query.users".'],
    ['Unknown type "Usr". Did you mean "User", "Item", "Node", "Order", or "Query"?', 'Unknown type "Usr".'],
    [
      'Variable "$k" got invalid value "Ab"; Value "Ab" does not exist in "Kind" enum. Did you mean the enum value "AB"?',
      'Variable "$k" got invalid value "Ab"; Value "Ab" does not exist in "Kind" enum.',
    ],
    ['Cannot query field "secret" on type "Node". Did you mean to use an inline fragment on "User"?', 'Cannot query field "secret" on type "Node".'],
    ['Query depth 15 exceeds the limit of 12.', 'Query depth 15 exceeds the limit of 12.'],
  ])('%s', (message, stripped) => {
    expect(stripSuggestions(message)).toBe(stripped);
  });
});
