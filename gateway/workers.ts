import cluster, { type Worker } from 'node:cluster';
import { log } from '../platform/log.js';
import { configuredKey, devKeyPair } from '../platform/security/keys.js';
import type { GatewayConfig } from './config.js';

/** A worker that stops before it is ready this many times in a row is not coming up: stop trying. */
export const MAX_START_FAILURES = 5;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;
/** Crashes within this window count towards the backoff. */
const CRASH_WINDOW_MS = 60_000;
/** How long workers get to finish their requests on shutdown before they are killed. */
const STOP_GRACE_MS = 10_000;

/**
 * What one of `config.workers` processes enforces. The rate limiter lives in each
 * process's memory, and the primary deals connections to workers in turn, so a
 * caller's traffic is spread evenly: each worker gets 1/N of the bucket and of the
 * refill, and RATE_LIMIT_* stay the figures of the whole gateway. Two caveats,
 * both on the strict side but one: a caller on a single keep-alive connection
 * reaches one worker only and gets 1/N; and an operation dearer than a worker's
 * bucket is admitted on a full one (rate-limit.ts), so up to N such operations can
 * run at once where one process would admit one.
 */
export function workerConfig(config: GatewayConfig): GatewayConfig {
  const { capacity, refillPerSecond } = config.rateLimit;
  return { ...config, rateLimit: { capacity: capacity / config.workers, refillPerSecond: refillPerSecond / config.workers } };
}

/** The message a worker's runMain sends its parent (here, the primary) once it listens. */
interface Ready {
  type: 'ready';
  url: string;
}

/**
 * The primary of a gateway of `config.workers` processes on one port (node:cluster):
 * makes the development keys once, forks the workers (each runs gateway/index.ts and
 * reports ready as runMain does), tells its own parent {type:'ready', url, workers}
 * when all are ready, replaces a worker that dies (with a backoff; gives up after
 * MAX_START_FAILURES failed starts in a row), answers {type:'workers'} with the
 * workers' pids, and stops every worker on SIGINT, SIGTERM or its IPC channel closing.
 */
export async function runPrimary(config: GatewayConfig): Promise<void> {
  try {
    // keys.ts creates missing development pairs on first use; workers racing to write them could
    // end up signing with one pair and verifying with another
    await configuredKey('GATEWAY_SIGNING_KEY', 'privateJwk', 'gateway');
    if (!config.auth.jwksUrl) await devKeyPair('identity');
  } catch (error) {
    process.stderr.write(`gateway could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  const urls = new Map<Worker, string>();
  const restarts = new Set<NodeJS.Timeout>();
  const crashes: number[] = [];
  let url: string | null = null;
  let startFailures = 0;
  let stopping = false;

  const pids = () => [...urls.keys()].map((w) => w.process.pid!);
  const tell = (message: object) => {
    if (process.connected) process.send?.(message);
  };

  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (m: Partial<Ready>) => {
      if (m?.type !== 'ready' || typeof m.url !== 'string') return;
      urls.set(worker, m.url);
      startFailures = 0;
      if (url === null && urls.size === config.workers) {
        url = m.url;
        log.info('listening', { service: 'gateway', url, workers: pids() });
        tell({ type: 'ready', name: 'gateway', url, workers: pids() });
      } else if (url !== null) {
        log.info('gateway worker replaced', { pid: worker.process.pid, workers: pids() });
        tell({ type: 'workers', workers: pids() });
      }
    });
  };

  const living = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  let exitCode = 0;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restarts) clearTimeout(timer);
    // runMain in each worker closes its server on SIGTERM and exits
    for (const w of living()) w.process.kill('SIGTERM');
    setTimeout(() => living().forEach((w) => w.process.kill('SIGKILL')), STOP_GRACE_MS).unref();
    if (living().length === 0) process.exit(exitCode);
  };

  cluster.on('exit', (worker, code, signal) => {
    const wasReady = urls.delete(worker);
    if (stopping) {
      if (living().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `exit code ${code}`;
    if (url === null) {
      // the worker has said why (a taken port, a bad setting); its siblings would say the same
      process.stderr.write(`gateway: a worker stopped before it was ready (${how}); stopping\n`);
      return stop(1);
    }
    if (!wasReady && ++startFailures >= MAX_START_FAILURES) {
      process.stderr.write(`gateway: a worker failed ${startFailures} times in a row at start (last: ${how}); giving up\n`);
      return stop(1);
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (crashes.length - 1));
    log.error('gateway worker stopped; starting another', { pid: worker.process.pid, how, inMs: delay });
    const timer = setTimeout(() => {
      restarts.delete(timer);
      fork();
    }, delay);
    restarts.add(timer);
  });

  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  // the parent's IPC channel closing means npm start (or the bench) is gone: do not linger
  process.on('disconnect', () => stop(0));
  process.on('message', (m: { type?: string; id?: number }) => {
    if (m?.type === 'workers') tell({ type: 'workers', id: m.id, workers: pids() });
  });

  for (let i = 0; i < config.workers; i++) fork();
}
