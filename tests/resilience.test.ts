import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from './helpers/platform.js';

const REGION_WITH_ITEMS = '{ region(code: "110000") { name implementations { code } } }';

/** Nothing in a client-facing body may reveal internals. */
function expectNothingInternal(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|\/work\/|node_modules|at .+\(.+:\d+:\d+\)|SQLITE|select |sqlite|postgres/i);
}

describe('a slow department', () => {
  let platform: TestPlatform;
  let hanging: Server;
  beforeAll(async () => {
    // a real HTTP server that accepts and never answers
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    platform = await startPlatform({ CATALOG_URL: `http://127.0.0.1:${port}/graphql`, SUBGRAPH_TIMEOUT_MS: '400' });
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    hanging.close();
    await platform?.close();
  });

  it('times out and still returns the rest of the answer', async () => {
    const started = Date.now();
    const { status, data, errors } = await platform.query(REGION_WITH_ITEMS);
    // well under the 5 s default: the 400 ms subgraph timeout cut the wait short
    expect(Date.now() - started).toBeLessThan(4500);
    expect(status).toBe(200);
    expect(data?.region?.name).toBe('北京市');
    expect(errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(errors?.[0]?.message).toContain('catalog department did not answer in time');
    expectNothingInternal({ errors });
  });

  it('is not ready while a department does not answer', async () => {
    const ready = await fetch(platform.gateway.url.replace(/graphql$/, 'ready'));
    expect(ready.status).toBe(503);
    const health = await fetch(platform.gateway.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(200);
  });
});

describe('a department that is down or broken', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(() => platform?.close());

  it('is ready when every department answers', async () => {
    const ready = await fetch(platform.gateway.url.replace(/graphql$/, 'ready'));
    expect(ready.status).toBe(200);
  });

  it('masks an unexpected failure as an internal error with a request id that is in the log', async () => {
    // break the regions database under a running department (its table gone; a closed ORM would
    // reconnect by itself): the driver error must not leak
    await platform.departments.regions!.orm.em.getConnection().execute('alter table region rename to region_gone');
    const { status, errors } = await platform.query('{ regions(first: 3) { nodes { code } } }', {}, { 'x-request-id': 'test-request-0001' });
    // nothing answered, and not the caller's fault: 500 (errors.ts HTTP_STATUS)
    expect(status).toBe(500);
    expect(errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(errors?.[0]?.extensions?.requestId).toBe('test-request-0001');
    expectNothingInternal({ errors });
  });

  it('names the department that is down and keeps the other parts', async () => {
    await platform.departments.catalog!.close();
    const { data, errors } = await platform.query('{ serviceItems(first: 1) { nodes { code } } }');
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(errors?.[0]?.message).toContain('catalog department is not reachable');
    expectNothingInternal({ errors });
  });
});
