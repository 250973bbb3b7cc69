import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayConfig } from '../gateway/config.js';
import { workerConfig } from '../gateway/workers.js';
import { post, startTestDepartment, type TestDepartment } from '../platform/testing.js';
import { catalog } from '../subgraphs/catalog/department.js';
import { regions } from '../subgraphs/regions/department.js';

// One region and the agencies that implement its services: two departments through the gateway.
const QUERY = '{ region(code: "310000") { name implementations { department { name } } } }';

interface Ready {
  url: string;
  workers: number[];
}

interface GatewayProcess {
  child: ChildProcess;
  ready: Promise<Ready>;
  /** the next unprompted {type:'workers'} message: the set after a worker was replaced */
  nextWorkers(): Promise<number[]>;
  exited: Promise<number | null>;
  stderr(): string;
}

let departments: TestDepartment[] = [];
let urls: Record<string, string> = {};
const children: ChildProcess[] = [];

beforeAll(async () => {
  departments = await Promise.all([startTestDepartment(regions), startTestDepartment(catalog)]);
  urls = Object.fromEntries(departments.map((d) => [`${d.name.toUpperCase()}_URL`, d.url]));
});

afterAll(async () => {
  // a failed assertion must not leave a gateway behind
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(departments.map((d) => d.close()));
});

/** The gateway entry as npm start and the bench run it: forked with tsx, told to stop over IPC or by signal. */
function startGateway(env: NodeJS.ProcessEnv = {}): GatewayProcess {
  const child = fork('gateway/index.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...urls, GATEWAY_PORT: '0', GATEWAY_WORKERS: '2', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.push(child);
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<Ready>((resolve, reject) => {
    child.on('message', (m: { type?: string } & Partial<Ready>) => m.type === 'ready' && resolve({ url: m.url!, workers: m.workers! }));
    void exited.then((code) => reject(new Error(`gateway exited (${code}) before it was ready:\n${tail}`)));
  });
  const nextWorkers = () =>
    new Promise<number[]>((resolve) => {
      const onMessage = (m: { type?: string; id?: number; workers?: number[] }) => {
        if (m.type !== 'workers' || m.id !== undefined) return;
        child.off('message', onMessage);
        resolve(m.workers!);
      };
      child.on('message', onMessage);
    });
  return { child, ready, nextWorkers, exited, stderr: () => tail };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function expectAnswer(url: string): Promise<void> {
  const { status, data, errors } = await post(url, QUERY);
  expect(errors).toBeUndefined();
  expect(status).toBe(200);
  expect(data?.region.name).toBe('上海市');
  expect(data?.region.implementations.length).toBeGreaterThan(0);
}

describe('GATEWAY_WORKERS', () => {
  it('is one process unless told otherwise; auto is one per core', () => {
    expect(gatewayConfig({}).workers).toBe(1);
    expect(gatewayConfig({ GATEWAY_WORKERS: '3' }).workers).toBe(3);
    expect(gatewayConfig({ GATEWAY_WORKERS: 'auto' }).workers).toBe(availableParallelism());
  });

  it("gives each worker its share of the rate limit, so the configured figures are the whole gateway's", () => {
    const config = gatewayConfig({ GATEWAY_WORKERS: '4', RATE_LIMIT_CAPACITY: '20000', RATE_LIMIT_REFILL_PER_SECOND: '2000' });
    expect(workerConfig(config).rateLimit).toEqual({ capacity: 5000, refillPerSecond: 500 });
    expect(config.rateLimit).toEqual({ capacity: 20000, refillPerSecond: 2000 });
  });
});

describe('GATEWAY_WORKERS=2', () => {
  it('serves one port from two workers, replaces one that dies, and stops them all when its parent goes', async () => {
    const gateway = startGateway();
    const { url, workers } = await gateway.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/graphql$/);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(gateway.child.pid);
    expect(workers.every(alive)).toBe(true);
    await expectAnswer(url);

    const replaced = gateway.nextWorkers();
    const [victim, survivor] = workers as [number, number];
    process.kill(victim, 'SIGKILL');
    await until(() => !alive(victim));
    await expectAnswer(url);
    const after = await replaced;
    expect(after).toHaveLength(2);
    expect(after).toContain(survivor);
    expect(after).not.toContain(victim);
    await expectAnswer(url);

    // how the bench (and a test runner) stops its children: the IPC channel closes
    gateway.child.disconnect();
    expect(await gateway.exited).toBe(0);
    expect(after.filter(alive)).toEqual([]);
  }, 150_000);

  it('stops every worker on SIGTERM, as npm start stops its children', async () => {
    const gateway = startGateway();
    const { url, workers } = await gateway.ready;
    await expectAnswer(url);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);

  it('gives up, with one clear line, when a replacement worker keeps failing at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-workers-'));
    const supergraph = join(dir, 'supergraph.graphql');
    copyFileSync('schema/supergraph.graphql', supergraph);
    try {
      const gateway = startGateway({ SUPERGRAPH_FILE: supergraph, GOVGRAPH_LOG: 'silent' });
      const { workers } = await gateway.ready;
      // every worker started from now on fails to read its supergraph
      rmSync(supergraph);
      process.kill(workers[0]!, 'SIGKILL');
      expect(await gateway.exited).toBe(1);
      expect(gateway.stderr()).toMatch(/gateway: a worker failed 5 times in a row at start \(last: exit code 1\); giving up/);
      expect(workers.filter(alive)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // only so that a hung gateway fails: five worker starts and their backoff took over 150 s on a loaded 2-core machine
  }, 300_000);
});
