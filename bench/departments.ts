// The departments of a bench run: which exist today, and their processes over one dataset.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { DEPARTMENTS } from '../platform/departments.js';
import { forkChild, ROOT, type Child } from './processes.js';

export const SUPERGRAPH_FILE = join(ROOT, 'schema', 'supergraph.graphql');

/** Departments listed in platform/departments.ts that have a subgraph with a schema and are in the supergraph. */
export function availableDepartments(supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8')): Set<string> {
  return new Set(
    DEPARTMENTS.map((d) => d.name as string).filter(
      (name) =>
        existsSync(join(ROOT, 'subgraphs', name, 'schema.graphql')) &&
        existsSync(join(ROOT, 'subgraphs', name, 'department.ts')) &&
        supergraph.includes(`@join__graph(name: "${name}"`),
    ),
  );
}

export function datasetDir(size: number, seed: number, root = join(ROOT, 'bench')): string {
  return join(root, `data-${size}-${seed}`);
}

export interface RunningDepartments {
  dir: string;
  children: Child[];
  /** name → /graphql URL */
  urls: Record<string, string>;
  /** departments serving queries (the audit department, when there, is left out of per-request figures) */
  serving: Child[];
  /** true if this start seeded at least one database */
  seeded: boolean;
  seconds: number;
  sqlCount(): Promise<number | null>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface DatasetMeta {
  size: number;
  seed: number;
  departments: Record<string, { seededAt: string; fingerprint: string }>;
}

/** Shared code the sample data and the database layout depend on: the samples and reference wings, parts of the kit. */
// (not db.ts: connection settings do not change what is stored, and a rebuild at 1,000,000 people takes many minutes)
const SHARED_DATA_CODE = [
  'samples',
  'reference',
  'platform/migrations.ts',
  'platform/idempotency.ts',
  'platform/time.ts',
  'platform/working-days.ts',
  'platform/random.ts',
  'platform/identifiers',
  'platform/audit/outbox.ts',
];

/** A department's files that only serve queries: changing them leaves its stored data as it is. */
const SERVING_ONLY = ['generated', 'resolvers', 'node_modules', 'loaders.ts', 'department.ts', 'index.ts', 'context.ts', 'subjects.ts'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => (SERVING_ONLY.includes(entry) || entry.endsWith('.test.ts') ? [] : files(join(path, entry))));
}

/**
 * A hash of what a department's stored data depends on (its entities, migrations, seed and the shared
 * synthetic-data code): when it changes, the department's database in the dataset is rebuilt.
 */
export function dataFingerprint(name: string): string {
  const hash = createHash('sha256');
  const paths = [...files(join(ROOT, 'subgraphs', name)), ...SHARED_DATA_CODE.flatMap((p) => files(join(ROOT, p)))];
  for (const path of paths.filter((p) => p.endsWith('.ts') || p.endsWith('.json'))) {
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function removeDatabase(dir: string, name: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(dir, `${name}.sqlite${suffix}`), { force: true });
}

/**
 * Starts every department of `names` as its own process over bench/data-<size>-<seed>/; a department
 * whose database is empty seeds it first (startDepartment does, in one transaction, so an interrupted
 * build leaves it empty and the next run seeds it again). With audit on, the audit department starts
 * too, and the others deliver their access records to it.
 */
export async function startDepartments(options: {
  names: string[];
  size: number;
  seed: number;
  audit: boolean;
  keysDir: string;
  log: (line: string) => void;
  /** extra node flags for every department process (e.g. --cpu-prof) */
  execArgv?: string[];
  /** where datasets live (default bench/) */
  root?: string;
}): Promise<RunningDepartments> {
  const dir = datasetDir(options.size, options.seed, options.root);
  mkdirSync(dir, { recursive: true });
  const metaFile = join(dir, 'dataset.json');
  const meta: DatasetMeta = existsSync(metaFile)
    ? (JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta)
    : { size: options.size, seed: options.seed, departments: {} };
  const names = [...new Set([...options.names, ...(options.audit ? ['audit'] : [])])];
  const fingerprints = Object.fromEntries(names.map((n) => [n, dataFingerprint(n)]));
  const fresh = names.filter((n) => meta.departments[n]?.fingerprint !== fingerprints[n]);
  // stale (its data code changed) or half-built: start that department from an empty database
  for (const name of fresh) removeDatabase(dir, name);
  const started = performance.now();
  options.log(
    fresh.length
      ? `dataset ${dir}: seeding ${fresh.join(', ')} (${options.size} people, seed ${options.seed}) while starting ${names.length} department processes…`
      : `dataset ${dir}: reused; starting ${names.length} department processes…`,
  );
  const auditPort = options.audit ? await freePort() : 0;
  const common = {
    BENCH_SIZE: String(options.size),
    BENCH_SEED: String(options.seed),
    GOVGRAPH_DATA_DIR: dir,
    GOVGRAPH_KEYS_DIR: options.keysDir,
    AUDIT_RECORDING: options.audit ? 'on' : 'off',
    AUDIT_INGEST_URL: `http://127.0.0.1:${auditPort || 9}/ingest`,
  };
  const start = (name: string) =>
    forkChild({
      name,
      entry: 'bench/department.ts',
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
      env: { ...common, BENCH_DEPARTMENT: name, ...(name === 'audit' ? { BENCH_PORT: String(auditPort) } : {}) },
      // seeding a million people takes minutes on a busy machine
      readyTimeoutMs: fresh.includes(name) ? 60 * 60_000 : 5 * 60_000,
    });
  const settled = await Promise.all(
    names
      .map(async (name) => {
        try {
          return await start(name);
        } catch (error) {
          // a reused database a changed migration cannot apply to: rebuild it once
          if (fresh.includes(name) || !/migration/i.test((error as Error).message)) throw error;
          options.log(`${name}: its database does not migrate any more; rebuilding it`);
          removeDatabase(dir, name);
          fresh.push(name);
          return start(name);
        }
      })
      .map((p) =>
        p.then(
          (child) => ({ ok: true as const, child }),
          (error: unknown) => ({ ok: false as const, error: error as Error }),
        ),
      ),
  );
  const children = settled.flatMap((s) => (s.ok ? [s.child] : []));
  const failed = settled.flatMap((s) => (s.ok ? [] : [s.error.message]));
  // what seeded successfully is kept, whatever else failed
  const now = new Date().toISOString();
  for (const child of children) if (fresh.includes(child.name)) meta.departments[child.name] = { seededAt: now, fingerprint: fingerprints[child.name]! };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  if (failed.length) {
    await Promise.all(children.map((c) => c.stop()));
    throw new Error(`departments did not start:\n${failed.join('\n')}`);
  }
  const seconds = (performance.now() - started) / 1000;
  options.log(`departments up in ${seconds.toFixed(1)} s`);
  const serving = children.filter((c) => c.name !== 'audit');
  return {
    dir,
    children,
    urls: Object.fromEntries(children.map((c) => [c.name, c.url])),
    serving,
    seeded: fresh.length > 0,
    seconds,
    async sqlCount() {
      try {
        const counts = await Promise.all(serving.map((c) => c.ask<{ count: number }>({ type: 'sql' })));
        return counts.reduce((sum, c) => sum + c.count, 0);
      } catch {
        return null;
      }
    },
    stop: async () => {
      await Promise.all(children.map((c) => c.stop()));
    },
  };
}
