import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../platform/context.js';
import { devKeyPair, newKeyPair } from '../platform/security/keys.js';
import { gatewaySigner } from '../platform/security/gateway-token.js';
import { looksLikeResidentId } from '../platform/security/masking.js';
import { personAt } from '../samples/synthetic.js';
import { post, requestBody } from '../platform/testing.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';

// officer tokens name an existing agency (gateway/auth.ts): the first of the sample catalog, 北京市公安厅
const AGENCY = registeredAgencies()[0]!.code;

// The test platform seeds 50 people with seed 7 (platform/testing.ts).
const alice = personAt(7, 0);
const bob = personAt(7, 4); // another household
const PERSON = 'query($id: ResidentId!) { person(id: $id) { id name phone address } }';
const SERVICE = '{ _service { sdl } }';
const officer = (scopes: string[]) => bearer({ role: 'OFFICER', subject: 'officer-7', department: AGENCY, scopes });

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform({ RATE_LIMIT_CAPACITY: '200', RATE_LIMIT_REFILL_PER_SECOND: '20' });
});
afterAll(() => platform?.close());

/** A refusal must not carry the person's data in any form. */
function expectNoPersonalData(body: unknown): void {
  const text = JSON.stringify(body);
  for (const p of [alice, bob]) {
    expect(text).not.toContain(p.id);
    expect(text).not.toContain(p.name);
  }
}

describe('departments accept only the gateway', () => {
  const population = () => platform.departments.population!.url;
  const signed = async (
    claims: Partial<Parameters<Awaited<ReturnType<typeof gatewaySigner>>>[1]> = {},
    key?: Parameters<typeof gatewaySigner>[0],
    body = requestBody(SERVICE),
  ) =>
    (await gatewaySigner(key ?? (await devKeyPair('gateway')).privateJwk))(
      'population',
      { caller: ANONYMOUS, purpose: null, requestId: 'sec-test', clientName: null, ...claims },
      body,
    );

  it('refuses a direct call without a gateway token, _entities and _service included', async () => {
    for (const query of [
      `{ person(id: "${alice.id}") { name } }`,
      `{ _entities(representations: [{ __typename: "Person", id: "${alice.id}" }]) { ... on Person { name } } }`,
      '{ _service { sdl } }',
    ]) {
      const res = await post(population(), query);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
      expectNoPersonalData(res);
    }
  });

  it('refuses a forged token (signed with another key)', async () => {
    const forged = await signed(
      { caller: { role: 'OFFICER', subject: 'x', department: 'x', scopes: ['population:read'] }, purpose: 'case C1' },
      (await newKeyPair('forger')).privateJwk,
    );
    const res = await post(population(), `{ person(id: "${alice.id}") { name } }`, {}, { 'x-gateway-token': forged });
    expect(res.status).toBe(401);
    expectNoPersonalData(res);
  });

  it('refuses an expired token', async () => {
    const key = await importJWK((await devKeyPair('gateway')).privateJwk, 'EdDSA');
    const expired = await new SignJWT({ role: 'ANONYMOUS', scopes: [] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('govgraph-gateway')
      .setAudience('population')
      .setJti('expired-1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const res = await post(population(), '{ _service { sdl } }', {}, { 'x-gateway-token': expired });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toContain('expired');
  });

  it('refuses a captured, unused token sent with another query, and it stays good for its own', async () => {
    const officerClaims = { caller: { role: 'OFFICER' as const, subject: 'o-1', department: 'PS-110000', scopes: ['population:read'] }, purpose: 'case C1' };
    const token = await signed(officerClaims, undefined, requestBody(SERVICE));
    const other = await post(population(), `{ person(id: "${alice.id}") { name } }`, {}, { 'x-gateway-token': token });
    expect(other.status).toBe(401);
    expect(other.errors?.[0]?.message).toContain('another request');
    expectNoPersonalData(other);
    // the same query with other variables is another request too
    const q = 'query($id: ResidentId!) { person(id: $id) { name } }';
    const forAlice = await signed(officerClaims, undefined, requestBody(q, { id: alice.id }));
    const forBob = await post(population(), q, { id: bob.id }, { 'x-gateway-token': forAlice });
    expect(forBob.status).toBe(401);
    expectNoPersonalData(forBob);
    expect((await post(population(), SERVICE, {}, { 'x-gateway-token': token })).status).toBe(200);
  });

  it('refuses a replayed token and one meant for another department', async () => {
    const token = await signed();
    expect((await post(population(), SERVICE, {}, { 'x-gateway-token': token })).status).toBe(200);
    const replay = await post(population(), SERVICE, {}, { 'x-gateway-token': token });
    expect(replay.status).toBe(401);
    expect(replay.errors?.[0]?.message).toContain('replay');
    const forCatalog = await post(platform.departments.catalog!.url, '{ _service { sdl } }', {}, { 'x-gateway-token': await signed() });
    expect(forCatalog.status).toBe(401);
  });
});

describe('callers and their data', () => {
  it('gives an invalid or expired caller token 401 with a clear message', async () => {
    const bad = await platform.query('{ regions(first: 1) { nodes { code } } }', {}, { authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await platform.query(
      '{ regions(first: 1) { nodes { code } } }',
      {},
      await bearer({ role: 'CITIZEN', subject: alice.id, expiresIn: '-1m' }),
    );
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.message).toContain('expired');
  });

  it('lets anonymous callers read public data and refuses personal data before planning', async () => {
    expect((await platform.query('{ region(code: "110000") { name } }')).data?.region.name).toBe('北京市');
    const res = await platform.query(PERSON, { id: alice.id });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectNoPersonalData(res);
  });

  it('shows a citizen their own data in full', async () => {
    const res = await platform.query(PERSON, { id: alice.id }, await bearer({ role: 'CITIZEN', subject: alice.id }));
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.id).toBe(alice.id);
    expect(res.data?.person.name).toBe(alice.name);
  });

  it("refuses citizen A citizen B's data by root field, nested field and _entities", async () => {
    const asAlice = await bearer({ role: 'CITIZEN', subject: alice.id });
    const root = await platform.query(PERSON, { id: bob.id }, asAlice);
    expect(root.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectNoPersonalData({ data: root.data });
    // alice's household lists her family: their records are not hers, so she sees of them only what a
    // household member may (tests/people.test.ts): their phones are withheld, their numbers masked
    const nested = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { household { members { relation person { id name phone } } } } }',
      { id: alice.id },
      asAlice,
    );
    expect(nested.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'phone')).toBe(true);
    expect(JSON.stringify(nested.data)).not.toContain(personAt(7, 1).id);
    const others = nested.data!.person.household.members.filter((m: { person: { id: string } }) => m.person.id !== alice.id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((m: { person: { phone: string | null } }) => m.person.phone === null)).toBe(true);
    const entities = await platform.departments.population!.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }',
      { r: [{ __typename: 'Person', id: bob.id }] },
      { caller: { role: 'CITIZEN', subject: alice.id, department: null, scopes: [] } },
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectNoPersonalData({ data: entities.data });
  });

  it('refuses an officer without a stated purpose, saying so', async () => {
    const res = await platform.query(PERSON, { id: alice.id }, await officer(['population:read']));
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.message).toContain('x-purpose');
    expectNoPersonalData(res);
  });

  it('refuses an officer whose duty does not cover the department', async () => {
    const res = await platform.query(PERSON, { id: alice.id }, { ...(await officer(['market:read'])), 'x-purpose': 'case C20261125000001' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toContain('population:read');
    expectNoPersonalData({ data: res.data });
  });

  it('masks identity numbers, phones and addresses per role', async () => {
    // header values are Latin-1: a purpose in Chinese travels percent-encoded
    const purpose = { 'x-purpose': encodeURIComponent('legal basis: 户口登记条例 第三条') };
    const masked = await platform.query(PERSON, { id: alice.id }, { ...(await officer(['population:read'])), ...purpose });
    expect(masked.errors).toBeUndefined();
    expect(masked.data?.person.id).toBe(`${alice.id.slice(0, 6)}************`);
    if (masked.data?.person.phone) expect(masked.data.person.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(masked.data?.person.address).toMatch(/\*{4}$/);
    const full = await platform.query(PERSON, { id: alice.id }, { ...(await officer(['population:read', 'population:unmask'])), ...purpose });
    expect(full.data?.person.id).toBe(alice.id);
    expect(full.data?.person.address).not.toContain('****');
    for (const role of ['SUPERVISOR', 'AUDITOR'] as const) {
      const res = await platform.query(PERSON, { id: alice.id }, await bearer({ role, subject: role.toLowerCase() }));
      expect(res.status).toBe(403);
      expectNoPersonalData(res);
    }
  });

  it('never returns a full identity number to a role that may not see it (property)', async () => {
    const roles = ['ANONYMOUS', 'CITIZEN', 'OFFICER_MASKED', 'OFFICER_FULL', 'SUPERVISOR'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), fc.integer({ min: 0, max: 49 }), fc.integer({ min: 0, max: 49 }), async (role, me, them) => {
        const self = personAt(7, me);
        const target = personAt(7, them);
        const headers =
          role === 'ANONYMOUS'
            ? {}
            : role === 'CITIZEN'
              ? await bearer({ role: 'CITIZEN', subject: self.id })
              : role === 'SUPERVISOR'
                ? await bearer({ role: 'SUPERVISOR', subject: 'sup' })
                : { ...(await officer(role === 'OFFICER_FULL' ? ['population:read', 'population:unmask'] : ['population:read'])), 'x-purpose': 'case C1' };
        const res = await platform.query(
          'query($id: ResidentId!) { person(id: $id) { id name household { head { id } members { person { id } } } } }',
          { id: target.id },
          headers,
        );
        const ids = JSON.stringify(res).match(/[0-9]{17}[0-9X]/g) ?? [];
        for (const id of ids.filter((id) => looksLikeResidentId(id))) {
          const allowed = role === 'OFFICER_FULL' || (role === 'CITIZEN' && id === self.id);
          expect(allowed, `${role} got full ${id}`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('hostile queries are refused before they cost anything', () => {
  const before = () => platform.resetSql();
  const costNothing = () => expect(platform.sqlCount()).toBe(0);

  it('deep, fragment-hidden deep, aliased, wide and oversized queries get 400 with a code', async () => {
    const deep = `{ region(code: "110000") { ${'children { '.repeat(14)}code${' }'.repeat(14)} } }`;
    const hidden = `fragment F on Region { children { children { children { children { children { children { code } } } } } } }
      { region(code: "110000") { children { children { children { children { children { children { children { ...F } } } } } } } } }`;
    const aliased = `{ ${Array.from({ length: 40 }, (_, i) => `r${i}: region(code: "110000") { name }`).join(' ')} }`;
    const wide = `{ regions(first: 100) { nodes { ${Array.from({ length: 30 }, (_, i) => `n${i}: children { code }`).join(' ')} } } }`;
    const oversized = `{ region(code: "110000") { ${'name '.repeat(6000)} } }`;
    for (const [name, query, code] of [
      ['deep', deep, 'QUERY_TOO_COMPLEX'],
      ['fragment-hidden', hidden, 'QUERY_TOO_COMPLEX'],
      ['aliased', aliased, 'QUERY_TOO_COMPLEX'],
      ['wide', wide, 'QUERY_TOO_COMPLEX'],
      ['oversized', oversized, 'GRAPHQL_PARSE_FAILED'],
    ] as const) {
      before();
      const res = await platform.query(query);
      expect(res.status, name).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, name).toBe(code);
      costNothing();
    }
  });

  it('refuses a list argument over the maximum and a batched HTTP request', async () => {
    before();
    const big = await platform.query('{ regions(first: 5000) { nodes { code } } }');
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const batch = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ region(code: "110000") { name } }' }, { query: '{ region(code: "310000") { name } }' }]),
    });
    expect(batch.status).toBe(400);
    costNothing();
  });

  it('gives no field suggestions for a typo', async () => {
    const res = await platform.query('{ regoin(code: "110000") { name } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('keeps CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${platform.gateway.url}?query=${encodeURIComponent('{ region(code: "110000") { name } }')}`);
    expect(res.status).toBe(400);
  });

  it('rate-limits a caller by the objects they ask for, aliases included', async () => {
    const headers = await bearer({ role: 'CITIZEN', subject: bob.id });
    const aliased = `{ ${Array.from({ length: 25 }, (_, i) => `r${i}: regions(first: 3) { nodes { code } }`).join(' ')} }`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await platform.query(aliased, {}, headers)).status);
    expect(statuses).toContain(429);
    const limited = await platform.query(aliased, {}, headers);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('introspection in production', () => {
  let production: TestPlatform;
  let jwks: Server;
  beforeAll(async () => {
    // production takes the identity service's keys from a JWKS URL: serve the dev public key
    const keys = { keys: [(await devKeyPair('identity')).publicJwk] };
    jwks = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys)));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    production = await startPlatform({ NODE_ENV: 'production', AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks` });
  });
  afterAll(async () => {
    await production?.close();
    jwks?.close();
  });

  it('is refused to anonymous callers and allowed to auditors', async () => {
    const anonymous = await production.query('{ __schema { types { name } } }');
    expect(anonymous.status).toBe(403);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const auditor = await production.query('{ __schema { queryType { name } } }', {}, await bearer({ role: 'AUDITOR', subject: 'auditor-1' }));
    expect(auditor.errors).toBeUndefined();
    expect(auditor.data?.__schema.queryType.name).toBe('Query');
  });
});

// keep the Caller type in use for readers of this file: officers are callers with scopes
export type { Caller };
