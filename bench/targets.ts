// The three targets, each in its own process, over the same supergraph, departments and data.
import { TARGET_LABELS, type TargetKey } from './options.js';
import { forkChild, type Child } from './processes.js';
import type { RunningDepartments } from './departments.js';
import { SUPERGRAPH_FILE } from './departments.js';

export interface Target {
  key: TargetKey;
  label: string;
  child: Child;
  url: string;
  /** processes behind the gateway whose CPU counts as the departments' (none for the floor) */
  departmentPids: number[];
  /** SQL statements sent by the departments serving this target, so far */
  sqlCount(): Promise<number | null>;
  seconds: number;
}

export interface TargetStart {
  departments: RunningDepartments;
  keysDir: string;
  audit: boolean;
  /** extra node flags for the gateway child (e.g. --cpu-prof) */
  execArgv?: string[];
  /** extra node flags for our gateway only (--gateway-flags) */
  gatewayFlags?: string[];
  /** GATEWAY_WORKERS of our gateway (--gateway-workers) */
  gatewayWorkers?: number | 'auto';
}

const HUGE = String(1_000_000_000);

export async function startTarget(
  key: TargetKey,
  { departments, keysDir, audit, execArgv, gatewayFlags = [], gatewayWorkers = 1 }: TargetStart,
): Promise<Target> {
  const started = performance.now();
  const env = { GOVGRAPH_KEYS_DIR: keysDir, SUPERGRAPH_FILE };
  let child: Child;
  if (key === 'a') {
    child = await forkChild({
      name: 'gateway',
      entry: 'gateway/index.ts',
      execArgv: [...gatewayFlags, ...(execArgv ?? [])],
      env: {
        ...env,
        ...Object.fromEntries(Object.entries(departments.urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
        GATEWAY_PORT: '0',
        HOST: '127.0.0.1',
        // always set: a GATEWAY_WORKERS in the caller's shell would otherwise change what is measured
        GATEWAY_WORKERS: String(gatewayWorkers),
        // the bench is one caller sending thousands of requests a second: never rate limited
        RATE_LIMIT_CAPACITY: HUGE,
        RATE_LIMIT_REFILL_PER_SECOND: HUGE,
        // Hive Gateway has no subgraph timeout by default: on a starved machine ours (5 s) would
        // turn slow answers into SUBGRAPH_UNAVAILABLE errors and the two would no longer compare
        SUBGRAPH_TIMEOUT_MS: '30000',
      },
    });
  } else if (key === 'b') {
    child = await forkChild({
      name: 'hive-gateway',
      entry: 'bench/hive/server.ts',
      ...(execArgv ? { execArgv } : {}),
      env: { ...env, BENCH_SUBGRAPH_URLS: JSON.stringify(departments.urls) },
    });
  } else {
    child = await forkChild({
      name: 'floor',
      entry: 'bench/floor/server.ts',
      ...(execArgv ? { execArgv } : {}),
      env: {
        ...env,
        BENCH_DEPARTMENTS: departments.serving.map((d) => d.name).join(','),
        GOVGRAPH_DATA_DIR: departments.dir,
        AUDIT_RECORDING: audit ? 'on' : 'off',
      },
    });
  }
  const sqlCount =
    key === 'c'
      ? async () => {
          try {
            return (await child.ask<{ count: number }>({ type: 'sql' })).count;
          } catch {
            return null;
          }
        }
      : () => departments.sqlCount();
  return {
    key,
    label: TARGET_LABELS[key],
    child,
    url: child.url,
    departmentPids: key === 'c' ? [] : departments.serving.map((d) => d.pid),
    sqlCount,
    seconds: (performance.now() - started) / 1000,
  };
}
