import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayConfig } from '../gateway/config.js';
import { startGateway, type RunningGateway } from '../gateway/server.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';

// What a front-end developer meets first: a token captured by a shell, a page on another origin
// calling the endpoint (CORS), and the GraphQL URL opened in a browser.

const PORTAL = 'https://portal.example.gov.cn';
const alice = personAt(7, 0);

let platform: TestPlatform;
/** the same departments behind a gateway in production mode (no CORS_ORIGINS, no landing page) */
let production: RunningGateway;

beforeAll(async () => {
  platform = await startPlatform({ CORS_ORIGINS: `${PORTAL}, http://localhost:5173` });
  const urls = Object.fromEntries(Object.values(platform.departments).map((d) => [`${d.name.toUpperCase()}_URL`, d.url]));
  for (const p of Object.values(platform.partitioned)) urls[`${p.name.toUpperCase()}_URL`] = p.url;
  production = await startGateway(
    gatewayConfig({ ...process.env, ...urls, GATEWAY_PORT: '0', NODE_ENV: 'production', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' }),
  );
}, 120_000);

afterAll(async () => {
  await production?.close();
  await platform?.close();
});

describe('a token a shell can capture (npm run -s token)', () => {
  it('TOKEN=$(npm run -s token -- …) holds the token alone, and the platform accepts it', async () => {
    const stdout = execFileSync('sh', ['-c', `TOKEN=$(npm run -s token -- --role citizen --subject ${alice.id}) && printf '%s' "$TOKEN"`], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { status, data, errors } = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { id name } }',
      { id: alice.id },
      {
        authorization: `Bearer ${stdout}`,
      },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data?.person).toEqual({ id: alice.id, name: alice.name });
  }, 60_000);

  it('a mistake goes to stderr with a non-zero exit, and nothing to stdout', () => {
    let failure: { status: number; stdout: string; stderr: string } | null = null;
    try {
      execFileSync('npm', ['run', '-s', 'token', '--', '--role', 'citizen', '--subject', '110105194912310021'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stdout: string; stderr: string };
    }
    expect(failure?.status).not.toBe(0);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toContain("a citizen's --subject is their identity number");
  }, 60_000);
});

/** A browser's request from a page of `origin`. */
const fromPage = (url: string, origin: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { origin, ...(init.headers as Record<string, string>) } });
const preflight = (url: string, origin: string) =>
  fromPage(url, origin, {
    method: 'OPTIONS',
    headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-purpose' },
  });
const jsonPost = (url: string, origin: string) =>
  fromPage(url, origin, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(code: "110000") { name } }' }),
  });

describe('CORS for configured origins', () => {
  it('answers the preflight of an allowed origin with the methods and headers a front end sends', async () => {
    const response = await preflight(platform.gateway.url, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
    for (const h of ['authorization', 'content-type', 'x-purpose', 'apollographql-client-name', 'apollographql-client-version']) expect(allowed).toContain(h);
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it("answers an allowed origin's POST with its origin in Access-Control-Allow-Origin", async () => {
    const response = await jsonPost(platform.gateway.url, PORTAL);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ region: { name: '北京市' } });
  });

  it('gives another origin no Access-Control-Allow-Origin, on the preflight or the request', async () => {
    for (const origin of ['https://evil.example.com', 'https://portal.example.gov.cn.evil.com', 'http://localhost:8080', 'null']) {
      const pre = await preflight(platform.gateway.url, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-methods')).toBeNull();
      const post = await jsonPost(platform.gateway.url, origin);
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it("still refuses a simple cross-site request (CSRF prevention), whatever the page's origin", async () => {
    for (const origin of ['https://evil.example.com', PORTAL]) {
      const response = await fromPage(platform.gateway.url, origin, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"query":"{ __typename }"}',
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('CSRF');
    }
  });

  it('in production allows no origin unless CORS_ORIGINS names it (not even localhost)', async () => {
    for (const origin of ['http://localhost:5173', PORTAL]) {
      const pre = await preflight(production.url, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect((await jsonPost(production.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('in development allows pages on this machine (localhost, any port) by default, and nothing else', () => {
    const dev = gatewayConfig({});
    expect(dev.allowOrigin('http://localhost:5173')).toBe(true);
    expect(dev.allowOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(dev.allowOrigin('http://localhost.evil.com')).toBe(false);
    expect(dev.allowOrigin('https://evil.example.com')).toBe(false);
    expect(gatewayConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' }).allowOrigin('http://localhost:5173')).toBe(false);
    expect(gatewayConfig({ CORS_ORIGINS: '' }).allowOrigin('http://localhost:5173')).toBe(false);
  });

  it('refuses to start with a CORS_ORIGINS entry that is not an origin, saying which', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./gateway/config.ts').then((c) => c.gatewayConfig())"], {
        env: { ...process.env, CORS_ORIGINS: 'https://portal.example.gov.cn/app' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toContain('CORS_ORIGINS: "https://portal.example.gov.cn/app" is not an origin');
  }, 30_000);
});

describe('the GraphQL URL in a browser', () => {
  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('shows a small self-contained page in development, with /health and an explorer', async () => {
    const response = await fetch(platform.gateway.url, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('href="/health"');
    expect(page).toContain('README.md');
    expect(page).toContain('Explorer');
    // nothing loaded from elsewhere: works without the internet
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('shows nothing in production: the JSON error as before', async () => {
    const response = await fetch(production.url, { headers: html });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.text()).not.toContain('<html');
  });
});
