// One load measurement: autocannon (closed loop) or a paced open loop at a fixed rate against a
// target, with our own exact latency list and the CPU and peak memory of the processes that serve it.
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { cpuMs, memoryMiB, processTree, resetPeak } from './processes.js';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  connections: number;
  /**
   * Without `amount`: run this long, abandoning what is in flight at the end. With `amount`: the
   * expected length only; the run is cut after four times as long (plus 2 s) on a starved machine.
   */
  durationMs: number;
  /** send exactly this many requests and wait for every answer (exact CPU and SQL per request) */
  amount?: number;
  /** fixed overall rate (requests/s) instead of as fast as possible */
  rate?: number;
  /** the gateway (or the whole floor) process; its workers, if any, are counted with it */
  gatewayPid: number;
  /** department processes behind the gateway (none for the floor) */
  departmentPids: number[];
  /** SQL statements the departments sent so far (read before and after) */
  sqlCount: () => Promise<number | null>;
}

export interface LoadResult {
  connections: number;
  rate: number | null;
  seconds: number;
  /** 2xx responses */
  requests: number;
  requestsPerSecond: number;
  /** non-2xx responses, socket errors and timeouts */
  failures: number;
  /** 2xx responses that carry GraphQL errors (a department timed out, refused…) */
  errorAnswers: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  gatewayCpuMs: number | null;
  departmentsCpuMs: number | null;
  gatewayPeakMiB: number | null;
  sqlStatements: number | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function sumCpu(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/**
 * Runs autocannon for durationMs (or `amount` requests); with a `rate`, sends at that constant rate
 * instead (paced below). Latencies are every 2xx response's time, in ms.
 */
export async function runLoad(request: LoadRequest, options: LoadOptions): Promise<LoadResult> {
  const gatewayPids = processTree(options.gatewayPid);
  for (const pid of gatewayPids) resetPeak(pid);
  const sqlBefore = await options.sqlCount();
  const gatewayBefore = sumCpu(gatewayPids);
  const departmentsBefore = sumCpu(options.departmentPids);
  const started = performance.now();
  const run = options.rate
    ? await paced(request, options.rate, options.amount ?? Math.max(1, Math.round((options.rate * options.durationMs) / 1000)))
    : await cannon(request, options);
  const seconds = (performance.now() - started) / 1000;
  const gatewayAfter = sumCpu(gatewayPids);
  const departmentsAfter = sumCpu(options.departmentPids);
  const sqlAfter = await options.sqlCount();
  // workers' peaks are summed: an upper bound of what they held at once
  const peaks = gatewayPids.map((pid) => memoryMiB(pid)?.peak ?? NaN);
  const peak = peaks.reduce((a, b) => a + b, 0);
  const latencies = run.latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    rate: options.rate ?? null,
    seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    failures: run.failures,
    errorAnswers: run.errorAnswers,
    latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN },
    gatewayCpuMs: gatewayBefore !== null && gatewayAfter !== null ? gatewayAfter - gatewayBefore : null,
    departmentsCpuMs:
      departmentsBefore !== null && departmentsAfter !== null && options.departmentPids.length > 0 ? departmentsAfter - departmentsBefore : null,
    gatewayPeakMiB: Number.isNaN(peak) ? null : peak,
    sqlStatements: sqlBefore !== null && sqlAfter !== null ? sqlAfter - sqlBefore : null,
  };
}

interface Run {
  latencies: number[];
  /** non-2xx responses, socket errors and timeouts */
  failures: number;
  /** 2xx responses with GraphQL errors */
  errorAnswers: number;
}

/** As fast as `connections` allow (closed loop): autocannon. */
async function cannon(request: LoadRequest, options: LoadOptions): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  const amount = options.amount ? Math.max(options.amount, options.connections) : undefined;
  const instance = autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    ...(amount ? { amount } : { duration: options.durationMs / 1000 }),
    timeout: 30,
    // stop on time, not at the next whole second
    sampleInt: 100,
    verifyBody: (body) => !body.includes('"errors"'),
  });
  const cap = amount ? setTimeout(() => instance.stop(), options.durationMs * 4 + 2_000) : undefined;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failures += 1;
  });
  const result = await instance;
  clearTimeout(cap);
  return { latencies, failures: failures + result.errors + result.timeouts, errorAnswers: result.mismatches };
}

/**
 * Open loop at a constant rate: request i is due at i/rate s and is sent then, whatever the
 * earlier ones are doing, and its latency counts from when it was due, so a target that falls
 * behind shows it in full. (autocannon's overallRate releases each second's share of requests
 * together: at 10 req/s its bursts, not the target, made the p99.)
 */
async function paced(request: LoadRequest, rate: number, count: number): Promise<Run> {
  const url = new URL(request.url);
  const pool = new Pool(url.origin, { connections: 256, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const run: Run = { latencies: [], failures: 0, errorAnswers: 0 };
  const start = performance.now();
  const one = async (due: number) => {
    try {
      const response = await pool.request({ path: url.pathname, method: 'POST', headers: request.headers, body: request.body });
      const text = await response.body.text();
      if (response.statusCode < 200 || response.statusCode >= 300) run.failures += 1;
      else {
        run.latencies.push(performance.now() - due);
        if (text.includes('"errors"')) run.errorAnswers += 1;
      }
    } catch {
      run.failures += 1;
    }
  };
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(one(due));
  }
  await Promise.all(sent);
  await pool.close();
  return run;
}

/**
 * Waits until the processes have been quiet (under 5% of a core) for a moment, so that one run's
 * leftovers (abandoned requests, garbage collection) do not land in the next target's measurement.
 */
export async function waitIdle(pids: number[], maxMs = 10_000): Promise<void> {
  const window = 200;
  const deadline = performance.now() + maxMs;
  pids = pids.flatMap(processTree);
  let before = sumCpu(pids);
  while (before !== null && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, window));
    const after = sumCpu(pids);
    if (after === null || after - before <= window * 0.05) return;
    before = after;
  }
}
