import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../platform/departments.js';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import { post, requestBody } from '../platform/testing.js';
import { gatewaySigner, type GatewayClaims } from '../platform/security/gateway-token.js';
import { devKeyPair } from '../platform/security/keys.js';
import { registeredAgencies } from '../reference/agencies.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

/**
 * The routing table (platform/partition/table.ts) as npm start runs it, and /health naming every
 * department and every instance with its jurisdiction and whether it answers.
 */
interface Health {
  status: string;
  departments: { name: string; ok: boolean; instances?: { name: string; jurisdiction: string; ok: boolean }[] }[];
}
const health = async (graphqlUrl: string) => {
  const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/health'));
  return { status: res.status, text: await res.text() };
};
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const CASE = 'query($id: ID!) { case(id: $id) { id region { code } } }';
const reader = () =>
  bearer({ role: 'OFFICER', subject: 'officer-1', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] } as TokenRequest).then((h) => ({
    ...h,
    'x-purpose': encodeURIComponent('basis:licensing-review'),
  }));

describe('/health of a partitioned platform', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({}, { partitioned: { cases: ['11', '33'] } });
  });
  afterAll(() => platform?.close());

  it('lists every department and every instance with its jurisdiction; an instance that stops is named, the rest still answer', async () => {
    const before = await health(platform.gateway.url);
    expect(before.status).toBe(200);
    const up = JSON.parse(before.text) as Health;
    expect(up.status).toBe('ok');
    expect(up.departments.map((d) => d.name).sort()).toEqual(DEPARTMENTS.map((d) => d.name).sort());
    expect(up.departments.find((d) => d.name === 'cases')).toEqual({
      name: 'cases',
      ok: true,
      instances: [
        { name: 'cases@11', jurisdiction: '11', ok: true },
        { name: 'cases@33', jurisdiction: '33', ok: true },
        { name: 'cases@national', jurisdiction: 'national', ok: true },
      ],
    });
    // the gateway's /health is public: it names no internal address
    expect(before.text).not.toMatch(/http|127\.0\.0\.1/);

    await platform.partitioned.cases!.instances.find((i) => i.province === '33')!.close();
    // the router, at the department's internal URL, names the instance and where it should be
    const router = JSON.parse((await health(platform.partitioned.cases!.url)).text) as {
      status: string;
      instances: { name: string; url: string; ok: boolean }[];
    };
    expect(router.status).toBe('degraded');
    expect(router.instances.map((i) => [i.name, i.ok])).toEqual([
      ['cases@11', true],
      ['cases@33', false],
      ['cases@national', true],
    ]);
    expect(router.instances.every((i) => i.url.endsWith('/graphql'))).toBe(true);
    // the gateway keeps its answer a second (a flood of /health is not multiplied onto every department)
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = JSON.parse((await health(platform.gateway.url)).text) as Health;
    expect(after.status).toBe('degraded');
    const cases = after.departments.find((d) => d.name === 'cases')!;
    expect(cases.ok).toBe(false);
    expect(cases.instances!.filter((i) => !i.ok).map((i) => i.name)).toEqual(['cases@33']);
    expect(after.departments.filter((d) => d.name !== 'cases').every((d) => d.ok)).toBe(true);
  });
});

describe('npm start with a routing table', () => {
  it('refuses a bad table before starting anything, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-table-'));
    writeFileSync(join(dir, 't.json'), JSON.stringify({ cases: [{ province: '44' }, { province: '44' }, { province: 'national' }] }));
    const child = fork('scripts/start.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, GOVGRAPH_JURISDICTIONS: join(dir, 't.json'), GOVGRAPH_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/t\.json: cases: two instances claim province 44/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'audit.sqlite'))).toBe(false);
  }, 30_000);

  it("runs each local instance over its own database with its share, routes to an instance on another host, /health says which answer, and an instance takes only the router's token made for it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-table-'));
    // "another host" that is down: a port nothing listens on; and a port for the cases router, to find it
    const [deadPort, casesPort] = [await freePort(), await freePort()];
    const table = { cases: [{ province: '11' }, { province: '44', url: `http://127.0.0.1:${deadPort}/graphql` }, { province: 'national' }] };
    writeFileSync(join(dir, 'jurisdictions.json'), JSON.stringify(table));
    const ports = Object.fromEntries([
      ...DEPARTMENTS.map((d) => [`${d.name.toUpperCase()}_PORT`, '0']),
      ['GATEWAY_PORT', '0'],
      ['CASES_PORT', String(casesPort)],
    ]);
    const child = fork('scripts/start.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...ports, GOVGRAPH_JURISDICTIONS: join(dir, 'jurisdictions.json'), GOVGRAPH_DATA_DIR: dir, GOVGRAPH_LOG: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.on('message', (m: { type?: string; url?: string }) => m.type === 'ready' && m.url && resolve(m.url));
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
      });
      expect(stdout).toMatch(/cases partitioned: 2 instances/);
      // its own SQLite file per local instance; none for the remote one, none for unpartitioned cases
      expect(['cases@11', 'cases@national', 'cases@44', 'cases'].map((f) => existsSync(join(dir, `${f}.sqlite`)))).toEqual([true, true, false, false]);
      const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as unknown as {
        DatabaseSync: new (file: string) => { prepare(sql: string): { all(): { id: string; region_code: string }[] }; close(): void };
      };
      const rows = (instance: string) => {
        const db = new DatabaseSync(join(dir, `${instance}.sqlite`));
        try {
          return db.prepare('select id, region_code from cases').all();
        } finally {
          db.close();
        }
      };
      const beijing = rows('cases@11');
      expect(beijing.length).toBeGreaterThan(0);
      expect(beijing.every((r) => r.region_code.startsWith('11'))).toBe(true);
      // the national instance holds every province but Beijing's and Guangdong's (Guangdong's instance holds its own)
      expect(rows('cases@national').some((r) => /^(11|44)/.test(r.region_code))).toBe(false);

      const found = await post(url, CASE, { id: beijing[0]!.id }, await reader());
      expect(found.errors).toBeUndefined();
      expect(found.data?.case).toEqual({ id: beijing[0]!.id, region: { code: beijing[0]!.region_code } });
      // Guangdong's host is down: its part says so, by department and province, not a 500
      const down = await post(url, CASE, { id: '44C20261202N0123456789' }, await reader());
      expect(down.errors?.[0]?.message).toMatch(/province 44 is unavailable/);

      const h = JSON.parse((await health(url)).text) as Health;
      expect(h.departments.find((d) => d.name === 'cases')?.instances).toEqual([
        { name: 'cases@11', jurisdiction: '11', ok: true },
        { name: 'cases@44', jurisdiction: '44', ok: false },
        { name: 'cases@national', jurisdiction: 'national', ok: true },
      ]);
      expect(h.departments.find((d) => d.name === 'appeals')).toEqual({ name: 'appeals', ok: true });

      // an attacker who reaches an instance past the router: a token the gateway signed (for the
      // department, or for the instance), or the router's token for another instance, is refused
      const router = JSON.parse((await health(`http://127.0.0.1:${casesPort}/graphql`)).text) as { instances: { name: string; url: string }[] };
      const target = router.instances.find((i) => i.name === 'cases@11')!.url;
      const query = `{ case(id: "${beijing[0]!.id}") { id } }`;
      const body = requestBody(query);
      const claims = {
        caller: { role: 'OFFICER', subject: 'officer-1', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] },
        purpose: 'basis:licensing-review',
        requestId: 'r-1',
        clientName: null,
      } as GatewayClaims;
      const gatewaySigns = await gatewaySigner((await devKeyPair('gateway')).privateJwk);
      const routerSigns = await gatewaySigner((await devKeyPair('router')).privateJwk);
      for (const token of [
        await gatewaySigns('cases', claims, body),
        await gatewaySigns('cases@11', claims, body),
        await routerSigns('cases@national', claims, body),
      ]) {
        expect((await post(target, query, {}, { 'x-gateway-token': token })).status).toBe(401);
      }
      // the router's token for this instance is taken: the refusals are about the token alone
      expect((await post(target, query, {}, { 'x-gateway-token': await routerSigns('cases@11', claims, body) })).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  }, 180_000);
});
