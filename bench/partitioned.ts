// The partitioned graph (issue 15): cases, evaluation and appeals split into 1, 3 or 8 provincial
// instances plus the national one, each instance its own process over its own database (the dataset's
// share of its jurisdiction), a router process at each department's URL, the other departments as in
// the main run. National and provincial queries through our gateway (and Hive Gateway), measured
// beside the same queries on the unpartitioned departments of the same dataset.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INGEST_PATH } from '../platform/audit/record.js';
import { instanceName } from '../platform/partition/instances.js';
import { todayInChina } from '../platform/time.js';
import { firstDifference, short } from './compare.js';
import { dataFingerprint, datasetDir, type RunningDepartments } from './departments.js';
import { bodyOf, measure, post, type Answer } from './harness.js';
import type { LoadResult } from './load.js';
import { TARGET_LABELS, type BenchOptions, type TargetKey } from './options.js';
import { forkChild, ROOT, type Child } from './processes.js';
import { queryText, type CallerKind } from './queries.js';
import { startTarget, type Target } from './targets.js';

export const PARTITIONED_DEPARTMENTS = ['cases', 'evaluation', 'appeals'] as const;

/**
 * Provinces in the order instances are added: the six the sample data lives in (reference/divisions.ts
 * servedDivisions), then two without data (Tianjin, Xinjiang), then the rest. 1 → Guangdong; 3 →
 * Guangdong, Beijing, Zhejiang; 8 → every seeded province and two empty ones (the national instance
 * then holds nothing of the sample).
 */
const ORDER = ['44', '11', '33', '31', '51', '62', '12', '65', '13', '14', '15', '21', '22', '23', '32', '34', '35', '36', '37', '41', '42', '43'];

export function provincesFor(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > ORDER.length) throw new Error(`--partitioned: ${count} instances? between 1 and ${ORDER.length}`);
  return ORDER.slice(0, count);
}

/** The province whose provincial queries are measured: an instance of its own at every count. */
const PROVINCE = '44';

export interface PartitionedQuery {
  name: string;
  scope: 'national' | 'provincial';
  caller: CallerKind;
  text: string;
  departments: string[];
  variables(ask: (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>): Promise<Record<string, unknown>>;
}

const window = async () => {
  const to = todayInChina();
  return { from: new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10), to };
};
const DASHBOARD = ['regions', 'catalog', 'cases', 'evaluation', 'appeals'];
const CASE_PAGE = ['cases', 'catalog', 'regions', 'population', 'market', 'certificates', 'evaluation'];

export const PARTITIONED_QUERIES: PartitionedQuery[] = [
  {
    name: 'region-dashboard @000000',
    scope: 'national',
    caller: 'anonymous',
    text: queryText('region-dashboard.graphql'),
    departments: DASHBOARD,
    variables: async () => ({ code: '000000', ...(await window()) }),
  },
  {
    name: 'cases-list (no region)',
    scope: 'national',
    caller: 'officer',
    text: queryText('cases-list.graphql'),
    departments: ['cases', 'catalog', 'regions', 'population', 'market'],
    variables: async () => ({ first: 100 }),
  },
  {
    name: 'demand + unmetDemand (no region)',
    scope: 'national',
    caller: 'anonymous',
    text: queryText('national-demand.graphql'),
    departments: ['appeals', 'regions'],
    variables: window,
  },
  {
    name: 'ProvincesSideBySide',
    scope: 'national',
    caller: 'anonymous',
    text: readFileSync(join(ROOT, 'tests', 'operations', 'ProvincesSideBySide.graphql'), 'utf8'),
    departments: DASHBOARD,
    variables: window,
  },
  {
    name: `region-dashboard @${PROVINCE}0000`,
    scope: 'provincial',
    caller: 'anonymous',
    text: queryText('region-dashboard.graphql'),
    departments: DASHBOARD,
    variables: async () => ({ code: `${PROVINCE}0000`, ...(await window()) }),
  },
  {
    name: `case-page (a case of ${PROVINCE})`,
    scope: 'provincial',
    caller: 'officer',
    text: queryText('case-page.graphql'),
    departments: CASE_PAGE,
    variables: async (ask) => {
      // the evaluated case of the province with the longest timeline among the newest 300
      let after: string | null = null;
      const found: { id: string; events: unknown[]; evaluation: unknown }[] = [];
      for (let page = 0; page < 3; page++) {
        const data = await ask(
          'query($after: String) { cases(first: 100, after: $after) { nodes { id events { status } evaluation { id } } pageInfo { endCursor hasNextPage } } }',
          {
            after,
          },
        );
        found.push(...(data.cases.nodes as typeof found).filter((n) => n.id.startsWith(PROVINCE)));
        if (!data.cases.pageInfo.hasNextPage) break;
        after = data.cases.pageInfo.endCursor as string;
      }
      const best = found.sort((x, y) => Number(!!y.evaluation) - Number(!!x.evaluation) || y.events.length - x.events.length)[0];
      if (!best) throw new Error(`case-page: no case of province ${PROVINCE} among the newest 300`);
      return { id: best.id };
    },
  },
];

export const partitionedQueryDepartments = (): string[] => [...new Set(PARTITIONED_QUERIES.flatMap((q) => q.departments))];

export interface PartitionedRow {
  query: string;
  scope: 'national' | 'provincial';
  instances: number;
  provinces: string[];
  target: TargetKey;
  run: LoadResult;
  /** the same query through the same target on the unpartitioned departments, measured just before */
  base: LoadResult;
}

export interface PartitionedResult {
  connections: number;
  province: string;
  deployments: { instances: number; provinces: string[]; processes: number; startSeconds: number; seeded: string[] }[];
  variables: Record<string, Record<string, unknown>>;
  rows: PartitionedRow[];
}

interface SplitMeta {
  size: number;
  seed: number;
  files: Record<string, string>;
}

/** A running partitioned deployment: routers at the departments' URLs, their instances behind them. */
interface Deployment {
  routers: Child[];
  instances: Child[];
  urls: Record<string, string>;
  seeded: string[];
  stop(): Promise<void>;
}

/**
 * Instance databases: bench/data-<size>-<seed>/partitioned/<dept>@<province>.sqlite (a province's share
 * does not depend on which other provinces run their own) and <dept>@national-<provinces>.sqlite (the
 * national share does). Each is seeded once by its instance with the sample data filtered to what it
 * holds (the seeders' `holds`), and rebuilt when the department's data fingerprint changes.
 */
async function startDeployment(provinces: string[], options: BenchOptions, keysDir: string, auditIngestUrl: string, root?: string): Promise<Deployment> {
  const dir = join(datasetDir(options.size, options.seed, root), 'partitioned');
  mkdirSync(dir, { recursive: true });
  const metaFile = join(dir, 'dataset.json');
  const meta: SplitMeta = existsSync(metaFile)
    ? (JSON.parse(readFileSync(metaFile, 'utf8')) as SplitMeta)
    : { size: options.size, seed: options.seed, files: {} };
  const national = `national-${[...provinces].sort().join('-')}`;
  const seeded: string[] = [];
  const instances: Child[] = [];
  const routers: Child[] = [];
  const stop = async () => {
    await Promise.all(routers.map((c) => c.stop()));
    await Promise.all(instances.map((c) => c.stop()));
  };
  try {
    for (const department of PARTITIONED_DEPARTMENTS) {
      const fingerprint = dataFingerprint(department);
      const started = await Promise.all(
        [...provinces, null].map(async (province) => {
          const file = `${department}@${province ?? national}`;
          const fresh = meta.files[file] !== fingerprint;
          if (fresh) {
            for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(dir, `${file}.sqlite${suffix}`), { force: true });
            seeded.push(file);
          }
          const child = await forkChild({
            name: instanceName(department, province),
            entry: 'bench/instance.ts',
            env: {
              BENCH_DEPARTMENT: department,
              BENCH_INSTANCE_PROVINCE: province ?? 'national',
              BENCH_PROVINCES: provinces.join(','),
              BENCH_DATABASE_FILE: join(dir, `${file}.sqlite`),
              BENCH_SIZE: String(options.size),
              BENCH_SEED: String(options.seed),
              BENCH_SEEDED: fresh ? '0' : '1',
              GOVGRAPH_KEYS_DIR: keysDir,
              AUDIT_RECORDING: options.audit ? 'on' : 'off',
              AUDIT_INGEST_URL: auditIngestUrl,
            },
            readyTimeoutMs: fresh ? 60 * 60_000 : 5 * 60_000,
          });
          instances.push(child);
          if (fresh) meta.files[file] = fingerprint;
          return [instanceName(department, province), child.url] as const;
        }),
      );
      writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
      // the router reads the routing table like npm start's: this deployment's, as a file
      const table = join(dir, `table-${provinces.join('-')}.json`);
      const entries = [...provinces, 'national'].map((province) => ({ province }));
      writeFileSync(table, `${JSON.stringify(Object.fromEntries(PARTITIONED_DEPARTMENTS.map((d) => [d, entries])), null, 2)}\n`);
      routers.push(
        await forkChild({
          name: `${department} router`,
          entry: 'platform/partition/main.ts',
          args: ['router', department],
          env: {
            GOVGRAPH_JURISDICTIONS: table,
            PARTITION_INSTANCE_URLS: JSON.stringify(Object.fromEntries(started)),
            [`${department.toUpperCase()}_PORT`]: '0',
            HOST: '127.0.0.1',
            GOVGRAPH_KEYS_DIR: keysDir,
          },
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { routers, instances, urls: Object.fromEntries(routers.map((r, i) => [PARTITIONED_DEPARTMENTS[i]!, r.url])), seeded, stop };
}

/** The unpartitioned departments with the partitioned ones replaced by their routers: what a target is started over. */
function over(departments: RunningDepartments, deployment: Deployment): RunningDepartments {
  const split = new Set<string>(PARTITIONED_DEPARTMENTS);
  const kept = departments.serving.filter((c) => !split.has(c.name));
  const counted = [...kept, ...deployment.instances];
  return {
    ...departments,
    urls: { ...departments.urls, ...deployment.urls },
    // CPU of the departments: the others, the routers and every instance, summed
    serving: [...kept, ...deployment.routers, ...deployment.instances],
    async sqlCount() {
      try {
        const counts = await Promise.all(counted.map((c) => c.ask<{ count: number }>({ type: 'sql' })));
        return counts.reduce((sum, c) => sum + c.count, 0);
      } catch {
        return null;
      }
    },
  };
}

function differs(expected: unknown, got: unknown): string | null {
  const d = firstDifference(expected, got);
  return d ? `at ${d.path}: ${short(d.a)} unpartitioned, ${short(d.b)} here` : null;
}

export interface PartitionedContext {
  options: BenchOptions;
  keysDir: string;
  departments: RunningDepartments;
  headersFor(caller: CallerKind): Record<string, string>;
  failures: string[];
  dataRoot?: string;
}

/** Unpartitioned first, then each instance count: start, check every answer equals the unpartitioned one, measure, stop. */
export async function runPartitioned(ctx: PartitionedContext): Promise<PartitionedResult> {
  const { options, keysDir, departments, headersFor, failures } = ctx;
  const { log } = options;
  const keys = options.targets.filter((t): t is 'a' | 'b' => t === 'a' || t === 'b');
  if (keys.length === 0) keys.push('a');
  const connections = options.connections[0]!;
  const auditChild = departments.children.find((c) => c.name === 'audit');
  const auditIngestUrl = auditChild ? auditChild.url.replace(/\/graphql$/, INGEST_PATH) : `http://127.0.0.1:9${INGEST_PATH}`;
  const result: PartitionedResult = { connections, province: PROVINCE, deployments: [], variables: {}, rows: [] };
  const start = (over: RunningDepartments) =>
    Promise.all(
      keys.map((key) =>
        startTarget(key, { departments: over, keysDir, audit: options.audit, gatewayFlags: options.gatewayFlags, gatewayWorkers: options.gatewayWorkers }),
      ),
    );
  const reference = new Map<string, Answer>();
  const bodies = new Map<string, string>();

  /** The same data as the unpartitioned (a), through every target, before anything is measured. */
  const agrees = async (targets: Target[], query: PartitionedQuery, instances: number): Promise<boolean> => {
    const answers = await Promise.all(targets.map((t) => post(t.url, headersFor(query.caller), bodies.get(query.name)!)));
    let ok = true;
    answers.forEach((answer, i) => {
      const problem =
        answer.status !== 200
          ? `HTTP ${answer.status}`
          : answer.errors?.length
            ? `errors: ${answer.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join(' | ')}`
            : differs(reference.get(query.name)?.data, answer.data);
      if (!problem) return;
      ok = false;
      const where = `${instances ? `${instances} instances` : 'unpartitioned'} through ${TARGET_LABELS[targets[i]!.key]}`;
      failures.push(
        `partitioned: ${query.name} on ${where} differs from unpartitioned (a): ${problem}; variables ${JSON.stringify(result.variables[query.name])}`,
      );
    });
    return ok;
  };
  const run = async (target: Target, query: PartitionedQuery, label: string) => {
    const r = await measure(target, { url: target.url, headers: headersFor(query.caller), body: bodies.get(query.name)! }, connections, options);
    if (r.failures || r.errorAnswers) failures.push(`partitioned: ${query.name} ${label}: ${target.key} failed ${r.failures}, ${r.errorAnswers} with errors`);
    log(`partitioned ${label} ${query.name} ${target.key} @${connections}: p50 ${r.latency.p50.toFixed(1)} ms, p95 ${r.latency.p95.toFixed(1)} ms`);
    return r;
  };

  // the unpartitioned gateways run throughout: every partitioned measurement has its unpartitioned one
  // taken just before it, so that a machine whose load drifts (other work on two cores) skews both alike
  const unpartitioned = await start(departments);
  let targets: Target[] = [];
  try {
    const a = unpartitioned.find((t) => t.key === 'a') ?? unpartitioned[0]!;
    for (const query of PARTITIONED_QUERIES) {
      const variables = await query.variables(async (text, vars) => {
        const answer = await post(a.url, headersFor('officer'), bodyOf(text, vars));
        if (answer.errors?.length || !answer.data) throw new Error(`partitioned: setting up ${query.name}: ${answer.errors?.[0]?.message ?? 'no data'}`);
        return answer.data;
      });
      result.variables[query.name] = variables;
      bodies.set(query.name, bodyOf(query.text, variables));
      reference.set(query.name, await post(a.url, headersFor(query.caller), bodies.get(query.name)!));
    }
    const usable = new Set<string>();
    for (const query of PARTITIONED_QUERIES) if (await agrees(unpartitioned, query, 0)) usable.add(query.name);
    for (const count of options.partitioned) {
      const provinces = provincesFor(count);
      const t0 = performance.now();
      log(`partitioned: starting ${PARTITIONED_DEPARTMENTS.join(', ')} as ${count} provincial instances (${provinces.join(', ')}) + national, and routers…`);
      let deployment: Deployment;
      try {
        deployment = await startDeployment(provinces, options, keysDir, auditIngestUrl, ctx.dataRoot);
      } catch (error) {
        // one deployment that does not start leaves the others' figures
        failures.push(`partitioned: ${count} instances did not start: ${(error as Error).message}`);
        continue;
      }
      try {
        const startSeconds = (performance.now() - t0) / 1000;
        result.deployments.push({
          instances: count,
          provinces,
          processes: deployment.instances.length + deployment.routers.length,
          startSeconds,
          seeded: deployment.seeded,
        });
        log(`partitioned: ${count} instances up in ${startSeconds.toFixed(1)} s${deployment.seeded.length ? ` (seeded ${deployment.seeded.join(', ')})` : ''}`);
        targets = await start(over(departments, deployment));
        for (const query of PARTITIONED_QUERIES) {
          if (!usable.has(query.name) || !(await agrees(targets, query, count))) continue;
          for (const target of targets) {
            const base = await run(
              unpartitioned.find((t) => t.key === target.key)!,
              query,
              `unpartitioned (beside ${count})`,
            );
            const partitioned = await run(target, query, `${count} instances`);
            result.rows.push({ query: query.name, scope: query.scope, instances: count, provinces, target: target.key, run: partitioned, base });
          }
        }
      } finally {
        await Promise.all(targets.map((t) => t.child.stop()));
        targets = [];
        await deployment.stop();
      }
    }
  } finally {
    await Promise.all([...unpartitioned, ...targets].map((t) => t.child.stop()));
  }
  return result;
}
