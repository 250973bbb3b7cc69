import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleSubjects } from '../scripts/demo-subjects.js';
import { DEPARTMENTS } from '../platform/departments.js';
import { post } from '../platform/testing.js';

const allPortsFree = Object.fromEntries([...DEPARTMENTS.map((d) => [`${d.name.toUpperCase()}_PORT`, '0']), ['GATEWAY_PORT', '0']]);

describe('npm start', () => {
  it('starts every department as its own process, seeds them, serves one endpoint, and stops on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-start-'));
    const child = fork('scripts/start.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...allPortsFree, GOVGRAPH_DATA_DIR: dataDir, GOVGRAPH_LOG: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.on('message', (m: { type?: string; url?: string }) => m.type === 'ready' && m.url && resolve(m.url));
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
      });
      const { data, errors } = await post(url, '{ region(code: "310000") { name implementations { department { name } } } }');
      expect(errors).toBeUndefined();
      expect(data?.region.name).toBe('上海市');
      expect(data?.region.implementations.length).toBeGreaterThan(0);
      // the console on the same port, whose sign-in names the demo's citizen of what was seeded
      expect((await fetch(url.replace(/graphql$/, 'console'))).status).toBe(200);
      const signIn = await fetch(url.replace(/graphql$/, 'console/sign-in'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'citizen' }),
      });
      expect(((await signIn.json()) as { subject?: string }).subject).toBe(consoleSubjects(1, 200).citizen!.subject);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    // only a hung start's limit: eleven processes seeding on a loaded 2-core machine took over 180 s
  }, 420_000);

  it('says clearly, without a stack trace, when a port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/regions/index.ts'], {
        env: { ...process.env, REGIONS_PORT: String(port), GOVGRAPH_DATA_DIR: mkdtempSync(join(tmpdir(), 'govgraph-port-')) },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`port ${port} is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  }, 40_000);
});
