import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from '../../gateway/auth.js';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { consoleSubjects } from '../../scripts/demo-subjects.js';
import { token } from '../helpers/tokens.js';

// The console's server part on the gateway (no department needed): its page, the development-only sign-in, which
// production does not have, and the schema inventory, for auditors only.

const subjects = consoleSubjects(1, 200);
let development: RunningGateway;
let production: RunningGateway;
const base = (gateway: RunningGateway) => gateway.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  development = await startGateway(gatewayConfig({ ...process.env, GATEWAY_PORT: '0', CONSOLE_SUBJECTS: JSON.stringify(subjects) }));
  production = await startGateway(
    gatewayConfig({
      ...process.env,
      GATEWAY_PORT: '0',
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      CONSOLE_SUBJECTS: JSON.stringify(subjects),
    }),
  );
});
afterAll(async () => {
  await development?.close();
  await production?.close();
});

const signIn = (gateway: RunningGateway, body: unknown, type = 'application/json') =>
  fetch(`${base(gateway)}/console/sign-in`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

describe('the console on the gateway', () => {
  it('serves its one page at every console path, with a policy that loads nothing from elsewhere', async () => {
    for (const gateway of [development, production]) {
      for (const path of ['/console', '/console/', '/console/dashboard', '/console/my/cases/62C2026120300000022']) {
        const response = await fetch(`${base(gateway)}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
        expect(await response.text()).toContain('<script type="module" src="/console/app.js"></script>');
      }
      expect((await fetch(`${base(gateway)}/console/nothing.js`)).status).toBe(404);
    }
    const bundle = await fetch(`${base(production)}/console/app.js`);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.text()).length).toBeGreaterThan(10_000);
  });

  it("development: a token for each role's demo subject, which the gateway accepts", async () => {
    const authenticate = await authenticator(gatewayConfig({ ...process.env }).auth);
    for (const role of ['citizen', 'enterprise', 'officer', 'supervisor', 'auditor']) {
      const response = await signIn(development, { role });
      expect(response.status).toBe(200);
      const { token: minted, subject } = (await response.json()) as { token: string; subject: string };
      // verified as the gateway verifies every request
      const caller = await authenticate({ headers: { authorization: `Bearer ${minted}` } } as IncomingMessage);
      expect(caller).toMatchObject({ role: role.toUpperCase(), subject });
    }
    expect((await signIn(development, { role: 'citizen' }).then((r) => r.json())).subject).toBe(subjects.citizen!.subject);
  });

  it('development: an unknown role or a body that is not JSON is refused, saying what to send', async () => {
    const unknown = await signIn(development, { role: 'root' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/citizen, enterprise, officer, supervisor, auditor/);
    expect((await signIn(development, { role: 'auditor' }, 'text/plain')).status).toBe(415);
  });

  it('development without demo subjects: citizens and enterprises cannot sign in (no subject to name), the others can', async () => {
    const bare = await startGateway(gatewayConfig({ ...process.env, GATEWAY_PORT: '0', CONSOLE_SUBJECTS: '' }));
    try {
      const citizen = await signIn(bare, { role: 'citizen' });
      expect(citizen.status).toBe(400);
      expect(((await citizen.json()) as { error: string }).error).toContain('CONSOLE_SUBJECTS');
      expect((await signIn(bare, { role: 'supervisor' })).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('production: the sign-in does not exist (404) and the settings offer none', async () => {
    for (const role of ['citizen', 'auditor']) expect((await signIn(production, { role })).status).toBe(404);
    const settings = (await (await fetch(`${base(production)}/console/settings.json`)).json()) as { production: boolean; signIn: unknown[] };
    expect(settings).toEqual({ production: true, signIn: [] });
  });

  it('the schema inventory is for auditors: anonymous 401, a bad token 401, any other role 403, an auditor every field', async () => {
    const inventory = (authorization?: string) => fetch(`${base(development)}/console/inventory.json`, { headers: authorization ? { authorization } : {} });
    expect((await inventory()).status).toBe(401);
    expect((await inventory('Bearer not-a-token')).status).toBe(401);
    for (const role of ['CITIZEN', 'ENTERPRISE', 'OFFICER', 'SUPERVISOR'] as const) {
      const request = role === 'OFFICER' ? { role, department: subjects.officer!.department } : { role, subject: subjects[role.toLowerCase()]?.subject };
      const response = await inventory(`Bearer ${await token(request)}`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('Person.id');
    }
    const auditor = await inventory(`Bearer ${await token({ role: 'AUDITOR', subject: 'auditor' })}`);
    expect(auditor.status).toBe(200);
    const { fields } = (await auditor.json()) as { fields: { coordinate: string; category: string | null }[] };
    expect(fields.find((f) => f.coordinate === 'Person.id')?.category).toBe('IDENTITY_NUMBER');
  });

  it('a malformed CONSOLE_SUBJECTS stops the gateway at start, saying why', async () => {
    const { execFileSync } = await import('node:child_process');
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', '-e', "import('./gateway/config.ts').then((m) => m.gatewayConfig())"], {
        env: { ...process.env, CONSOLE_SUBJECTS: '{"citizen": {"name": "x"}}' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toContain('CONSOLE_SUBJECTS: citizen');
  });
});
