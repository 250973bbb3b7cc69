// runBench: dataset, department processes, the three targets, the same-data check, the timed
// measurements in turns, growth, profile, and the results. Used by bench/run.ts and bench.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintToken } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';
import { firstDifference, short } from './compare.js';
import { availableDepartments, startDepartments, type RunningDepartments } from './departments.js';
import { runLoad, waitIdle, type LoadResult } from './load.js';
import { resolveOptions, TARGET_LABELS, type BenchOptions, type TargetKey } from './options.js';
import { ROOT, stopAll } from './processes.js';
import { summariseProfile } from './profile.js';
import { chooseQueries, LIST_SPEC, listQuery, QUERIES, type CallerKind, type ChosenQuery, type Setup } from './queries.js';
import { renderMarkdown, type BenchResult, type CheckResult, type ListGrowthRow, type QueryResult, type SizeGrowthRow, type TargetSummary } from './report.js';
import { startTarget, type Target } from './targets.js';
import { partitionedQueryDepartments, runPartitioned } from './partitioned.js';
import { registeredAgencies } from '../reference/agencies.js';
import { todayInChina } from '../platform/time.js';

const PURPOSE = 'bench: performance measurement (issue 7)';

interface Callers {
  officer: Record<string, string>;
  anonymous: Record<string, string>;
}

/** An officer of every department with read and unmask scopes and a purpose: nothing is masked anywhere, so answers compare. */
async function callers(keysDir: string, departments: string[]): Promise<Callers> {
  const pair = await devKeyPair('identity', { ...process.env, GOVGRAPH_KEYS_DIR: keysDir });
  const token = await mintToken(pair, {
    role: 'OFFICER',
    subject: 'officer-bench',
    // an agency the gateway knows (gateway/auth.ts refuses made-up ones)
    department: registeredAgencies()[0]!.code,
    scopes: departments.flatMap((d) => [`${d}:read`, `${d}:unmask`]),
    expiresIn: '24h',
  });
  const json = { 'content-type': 'application/json' };
  return { officer: { ...json, authorization: `Bearer ${token}`, 'x-purpose': encodeURIComponent(PURPOSE) }, anonymous: json };
}

export interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  bytes: number;
}

export async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Omit<Answer, 'status' | 'bytes'>;
    return { status: response.status, ...parsed, bytes: Buffer.byteLength(text) };
  } catch {
    return { status: response.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }], bytes: Buffer.byteLength(text) };
  }
}

export function bodyOf(text: string, variables: Record<string, unknown>, operationName?: string): string {
  return JSON.stringify({ query: text, variables, ...(operationName ? { operationName } : {}) });
}

/** Sends the operation once to every target; the same data, no errors and HTTP 200 everywhere, or problems. */
async function check(targets: Target[], headers: Record<string, string>, body: string): Promise<CheckResult> {
  const problems: string[] = [];
  const answers = await Promise.all(
    targets.map(async (t) => {
      try {
        return await post(t.url, headers, body);
      } catch (error) {
        return { status: 0, errors: [{ message: (error as Error).message }], bytes: 0 } satisfies Answer;
      }
    }),
  );
  answers.forEach((answer, i) => {
    const label = TARGET_LABELS[targets[i]!.key];
    if (answer.status !== 200) problems.push(`${label} answered HTTP ${answer.status}`);
    if (answer.errors?.length)
      problems.push(
        `${label} returned errors: ${answer.errors
          .slice(0, 3)
          .map((e) => `${e.extensions?.code ?? ''} ${e.message}`)
          .join(' | ')}`,
      );
    if (!answer.data) problems.push(`${label} returned no data`);
  });
  const reference = answers[0];
  for (let i = 1; i < answers.length; i++) {
    const d = firstDifference(reference?.data, answers[i]?.data);
    if (d)
      problems.push(`${TARGET_LABELS[targets[i]!.key]} differs from ${TARGET_LABELS[targets[0]!.key]} at ${d.path}: ${short(d.b)} instead of ${short(d.a)}`);
  }
  return { ok: problems.length === 0, problems, bytes: reference?.bytes ?? 0 };
}

function perRequest(total: number | null, runs: LoadResult[], pick: (r: LoadResult) => number | null): number | null {
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  if (requests === 0) return null;
  let sum = 0;
  for (const r of runs) {
    const v = pick(r);
    if (v === null) return null;
    sum += v;
  }
  return (total ?? sum) / requests;
}

function summarise(target: TargetKey, runs: LoadResult[]): TargetSummary {
  return {
    target,
    runs,
    gatewayCpuMsPerRequest: perRequest(null, runs, (r) => r.gatewayCpuMs),
    departmentsCpuMsPerRequest: target === 'c' ? null : perRequest(null, runs, (r) => r.departmentsCpuMs),
    gatewayPeakMiB: runs.reduce<number | null>((max, r) => (r.gatewayPeakMiB === null ? max : Math.max(max ?? 0, r.gatewayPeakMiB)), null),
    sqlPerRequest: perRequest(null, runs, (r) => r.sqlStatements),
    failures: runs.reduce((s, r) => s + r.failures, 0),
    errorAnswers: runs.reduce((s, r) => s + r.errorAnswers, 0),
  };
}

function gitHead(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+local changes' : '';
    return `${head}${dirty}`;
  } catch {
    return 'unknown';
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Runs the bench; never throws for a failing target or a data mismatch (see result.ok), only for a broken setup. */
export async function runBench(given: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const options = resolveOptions(given);
  const { log } = options;
  const started = new Date();
  const t0 = performance.now();
  // development keys: the ones given, else npm start's .keys/ if there, else a private temporary folder
  const keysDir = resolve(
    options.keysDir ??
      process.env.GOVGRAPH_KEYS_DIR ??
      (existsSync(join(ROOT, '.keys')) ? join(ROOT, '.keys') : mkdtempSync(join(tmpdir(), 'govgraph-bench-keys-'))),
  );
  const failures: string[] = [];
  const notes: string[] = [];
  const available = availableDepartments();
  const { chosen, notes: queryNotes } = chooseQueries(available, options.queries);
  notes.push(...queryNotes);
  if (options.queries) {
    const unknown = options.queries.filter((q) => !QUERIES.some((known) => known.name === q));
    if (unknown.length) throw new Error(`unknown queries: ${unknown.join(', ')} (known: ${QUERIES.map((q) => q.name).join(', ')})`);
  }
  const listSpec = LIST_SPEC.departments.every((d) => available.has(d)) ? LIST_SPEC : null;
  const needed = new Set<string>(options.main ? chosen.flatMap((q) => q.departments) : []);
  if (options.partitioned.length) partitionedQueryDepartments().forEach((d) => needed.add(d));
  if (options.growth) {
    for (const q of chosen.filter((q) => q.name === 'person-page' || q.name === 'case-page')) q.departments.forEach((d) => needed.add(d));
    listSpec?.departments.forEach((d) => needed.add(d));
  }
  if (options.audit && !available.has('audit')) {
    notes.push('access recording asked for, but there is no audit department: recording off');
    options.audit = false;
  }
  const environment: Record<string, string | number> = {
    node: process.version,
    cpus: availableParallelism(),
    'load average at start': loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
    commit: gitHead(),
    ...(options.gatewayFlags.length ? { "our gateway's node flags": options.gatewayFlags.join(' ') } : {}),
    ...(options.gatewayWorkers !== 1 ? { "our gateway's workers": `${options.gatewayWorkers} (CPU and peak RSS: primary and workers summed)` } : {}),
    ...(options.departmentFlags.length ? { "departments' node flags": options.departmentFlags.join(' ') } : {}),
  };
  const result: BenchResult = {
    ok: true,
    failures,
    notes,
    startedAt: started.toISOString(),
    seconds: 0,
    environment,
    options: { ...options, log: undefined } as never,
    queries: [],
  };
  delete (result.options as Partial<BenchOptions>).log;

  const temporaryData = options.smoke && !options.dataRoot ? mkdtempSync(join(tmpdir(), 'govgraph-bench-data-')) : null;
  const dataRoot = options.dataRoot ?? temporaryData ?? undefined;
  let departments: RunningDepartments | null = null;
  let targets: Target[] = [];
  const stopTargets = async () => {
    await Promise.all(targets.map((t) => t.child.stop()));
    targets = [];
  };
  try {
    const names = [...needed].sort();
    if (names.length === 0) throw new Error('no query can run: none of their departments is in the graph');
    const allDepartments = [...available];
    const headers = await callers(keysDir, allDepartments);
    const headersFor = (caller: CallerKind) => headers[caller];

    departments = await startDepartments({
      names,
      size: options.size,
      seed: options.seed,
      audit: options.audit,
      keysDir,
      log,
      execArgv: options.departmentFlags,
      ...(dataRoot ? { root: dataRoot } : {}),
    });
    // the partitioned section alone starts its own gateways
    if (options.main || options.growth || options.profile)
      targets = await startTargets(options.targets, departments, keysDir, options.audit, options.gatewayFlags, options.gatewayWorkers, log);

    if (options.main) {
      const setup = setupFor(options.size, options.seed, targets[0]!, headersFor);
      for (const query of chosen) {
        const variables = await QUERIES.find((q) => q.name === query.name)!.variables(setup);
        const body = bodyOf(query.text, variables, query.operationName);
        const qr: QueryResult = {
          name: query.name,
          title: query.title,
          file: query.file,
          caller: query.caller,
          departments: query.departments,
          variables,
          check: { ok: true, problems: [], bytes: 0 },
          targets: [],
        };
        qr.check = await check(targets, headersFor(query.caller), body);
        if (!qr.check.ok) failures.push(`${query.name}: ${qr.check.problems.join('; ')}`);
        result.queries.push(qr);
      }
      log(
        `same-data check: ${result.queries.filter((q) => q.check.ok).length}/${result.queries.length} queries agree across ${targets.map((t) => t.key).join(', ')}`,
      );
      for (const qr of result.queries) {
        const query = chosen.find((q) => q.name === qr.name)!;
        const body = bodyOf(query.text, qr.variables, query.operationName);
        const runs = new Map<TargetKey, LoadResult[]>(targets.map((t) => [t.key, []]));
        for (const connections of options.connections) {
          for (const target of targets) {
            const run = await measure(target, { url: target.url, headers: headersFor(query.caller), body }, connections, options);
            runs.get(target.key)!.push(run);
            log(
              `${qr.name} ${target.key} @${connections}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.latency.p50.toFixed(1)} ms, p99 ${run.latency.p99.toFixed(1)} ms${run.failures ? `, ${run.failures} failed` : ''}${run.errorAnswers ? `, ${run.errorAnswers} with errors` : ''}`,
            );
          }
        }
        qr.targets = targets.map((t) => summarise(t.key, runs.get(t.key)!));
        for (const t of qr.targets) if (t.failures > 0) failures.push(`${qr.name}: ${TARGET_LABELS[t.target]} failed ${t.failures} requests under load`);
        for (const t of qr.targets)
          if (t.errorAnswers > 0) failures.push(`${qr.name}: ${TARGET_LABELS[t.target]} answered ${t.errorAnswers} requests with GraphQL errors under load`);
        for (const t of qr.targets)
          if (t.runs.some((r) => r.requests === 0))
            notes.push(`${qr.name}: ${TARGET_LABELS[t.target]} answered no request within a measurement's time cap (machine too busy?)`);
      }
    }

    if (options.partitioned.length) {
      // the partitioned section starts its own gateways: the main run's are stopped to leave it the machine
      await stopTargets();
      result.partitioned = await runPartitioned({ options, keysDir, departments, headersFor, failures, ...(dataRoot ? { dataRoot } : {}) });
      if (options.profile || options.growth)
        targets = await startTargets(options.targets, departments, keysDir, options.audit, options.gatewayFlags, options.gatewayWorkers, log);
    }

    if (options.profile && options.main && result.queries.length && options.targets.includes('a')) {
      const heaviest =
        result.queries.find((q) => q.name === options.profileQuery) ??
        [...result.queries].sort(
          (x, y) =>
            (y.targets.find((t) => t.target === 'a')?.gatewayCpuMsPerRequest ?? 0) - (x.targets.find((t) => t.target === 'a')?.gatewayCpuMsPerRequest ?? 0),
        )[0]!;
      const query = chosen.find((q) => q.name === heaviest.name)!;
      const dir = join(resolve(ROOT, options.resultsDir ?? 'bench/results'), `${stamp(started)}-profile`);
      mkdirSync(dir, { recursive: true });
      log(`profiling our gateway on ${heaviest.name} for ${options.profileMs / 1000} s (--cpu-prof in ${dir})…`);
      const a = targets.find((t) => t.key === 'a')!;
      await a.child.stop();
      const profiled = await startTarget('a', {
        departments,
        keysDir,
        audit: options.audit,
        gatewayFlags: options.gatewayFlags,
        gatewayWorkers: options.gatewayWorkers,
        execArgv: ['--cpu-prof', '--cpu-prof-dir', dir],
      });
      targets = targets.map((t) => (t.key === 'a' ? profiled : t));
      const body = bodyOf(query.text, heaviest.variables, query.operationName);
      const load = { url: profiled.url, headers: headersFor(query.caller), body };
      await runLoad(load, {
        connections: options.connections[0]!,
        durationMs: options.warmupMs * 2,
        gatewayPid: profiled.child.pid,
        departmentPids: [],
        sqlCount: async () => null,
      });
      const from = Number(process.hrtime.bigint() / 1000n);
      await runLoad(load, {
        connections: options.connections[0]!,
        durationMs: options.profileMs,
        gatewayPid: profiled.child.pid,
        departmentPids: [],
        sqlCount: async () => null,
      });
      const to = Number(process.hrtime.bigint() / 1000n);
      await profiled.child.stop();
      targets = targets.filter((t) => t.key !== 'a');
      // one file per thread (tsx's loader has a worker of its own): the main thread's is the biggest
      const file = readdirSync(dir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort((x, y) => statSync(join(dir, y)).size - statSync(join(dir, x)).size)[0];
      if (file) result.profile = { query: heaviest.name, ...summariseProfile(join(dir, file), [from, to]) };
      else notes.push('profile: the gateway wrote no .cpuprofile');
      // growth below measures (a): bring it back without the profiler
      if (options.growth)
        targets = [
          await startTarget('a', { departments, keysDir, audit: options.audit, gatewayFlags: options.gatewayFlags, gatewayWorkers: options.gatewayWorkers }),
          ...targets,
        ];
    }

    if (options.growth) {
      const a =
        targets.find((t) => t.key === 'a') ??
        (await startTarget('a', { departments, keysDir, audit: options.audit, gatewayFlags: options.gatewayFlags, gatewayWorkers: options.gatewayWorkers }));
      if (!targets.includes(a)) targets.push(a);
      if (listSpec) result.listGrowth = await listGrowth(listSpec, targets, headersFor(listSpec.caller), options, failures);
      else notes.push('growth in list length: skipped, no list department');
      result.sizeGrowth = { rate: options.rate, rows: [] };
      const lookups = chosen.filter((q) => q.name === 'person-page' || q.name === 'case-page');
      const sizes = [...new Set(options.sizes)].sort((x, y) => x - y);
      // the running dataset first, then the others (each: its departments and our gateway)
      for (const size of [options.size, ...sizes.filter((s) => s !== options.size)].filter((s) => sizes.includes(s))) {
        if (size !== options.size) {
          await stopTargets();
          await departments.stop();
          departments = await startDepartments({
            names,
            size,
            seed: options.seed,
            audit: options.audit,
            keysDir,
            log,
            execArgv: options.departmentFlags,
            ...(dataRoot ? { root: dataRoot } : {}),
          });
          targets = [
            await startTarget('a', { departments, keysDir, audit: options.audit, gatewayFlags: options.gatewayFlags, gatewayWorkers: options.gatewayWorkers }),
          ];
        }
        const gateway = targets.find((t) => t.key === 'a')!;
        const sizeSetup = setupFor(size, options.seed, gateway, headersFor);
        for (const query of lookups) {
          const variables = await QUERIES.find((q) => q.name === query.name)!.variables(sizeSetup);
          const load = { url: gateway.url, headers: headersFor(query.caller), body: bodyOf(query.text, variables, query.operationName) };
          const answer = await post(gateway.url, load.headers, load.body);
          if (answer.errors?.length || !answer.data) failures.push(`growth ${query.name} at ${size} people: ${answer.errors?.[0]?.message ?? 'no data'}`);
          const run = await measure(gateway, load, options.connections[0]!, options);
          const row: SizeGrowthRow = {
            size,
            query: query.name,
            run,
            sqlPerRequest: run.sqlStatements === null || run.requests === 0 ? null : run.sqlStatements / run.requests,
          };
          // enough connections that a slow answer does not hold the rate down (autocannon spreads the rate over them)
          if (query.name === 'person-page') row.fixedRate = await measure(gateway, load, Math.max(...options.connections), options, options.rate);
          for (const r of [run, row.fixedRate])
            if (r && (r.failures || r.errorAnswers))
              failures.push(`growth ${query.name} at ${size} people: ${r.failures} failed, ${r.errorAnswers} with GraphQL errors`);
          result.sizeGrowth.rows.push(row);
          log(
            `growth ${size} people ${query.name}: p50 ${run.latency.p50.toFixed(1)} ms, p99 ${run.latency.p99.toFixed(1)} ms, ${row.sqlPerRequest?.toFixed(1) ?? '–'} SQL/req${row.fixedRate ? `; at ${options.rate} req/s p99 ${row.fixedRate.latency.p99.toFixed(1)} ms` : ''}`,
          );
        }
      }
    }
  } finally {
    await stopTargets().catch(() => undefined);
    await departments?.stop().catch(() => undefined);
    await stopAll().catch(() => undefined);
    if (temporaryData) rmSync(temporaryData, { recursive: true, force: true });
  }

  environment['load average at end'] = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  result.ok = failures.length === 0;
  result.seconds = (performance.now() - t0) / 1000;
  if (options.resultsDir) {
    const dir = resolve(ROOT, options.resultsDir);
    mkdirSync(dir, { recursive: true });
    const base = join(dir, `${stamp(started)}${options.smoke ? '-smoke' : ''}`);
    result.files = { json: `${base}.json`, markdown: `${base}.md` };
    writeFileSync(result.files.json, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(result.files.markdown, renderMarkdown(result));
  }
  return result;
}

async function startTargets(
  keys: TargetKey[],
  departments: RunningDepartments,
  keysDir: string,
  audit: boolean,
  gatewayFlags: string[],
  gatewayWorkers: number | 'auto',
  log: (line: string) => void,
): Promise<Target[]> {
  const settled = await Promise.allSettled(keys.map((key) => startTarget(key, { departments, keysDir, audit, gatewayFlags, gatewayWorkers })));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [`${TARGET_LABELS[keys[i]!]}: ${(s.reason as Error).message}`] : []));
  if (failed.length) {
    await Promise.all(started.map((t) => t.child.stop()));
    throw new Error(`targets did not start:\n${failed.join('\n')}`);
  }
  log(`targets up: ${started.map((t) => `${t.key} ${t.url} (${t.seconds.toFixed(1)} s)`).join(', ')}`);
  return started;
}

function setupFor(size: number, seed: number, target: Target, headersFor: (caller: CallerKind) => Record<string, string>): Setup {
  return {
    size,
    seed,
    today: todayInChina(),
    async ask(query, variables, caller) {
      const answer = await post(target.url, headersFor(caller), bodyOf(query, variables));
      if (answer.errors?.length || !answer.data) throw new Error(`setting up variables: ${answer.errors?.[0]?.message ?? `HTTP ${answer.status}, no data`}`);
      return answer.data;
    },
  };
}

/**
 * Warm-up for warmupMs, then a run of as many requests as the warm-up rate says fit in durationMs,
 * every one answered (so CPU and SQL per request are exact), with the processes idle before each.
 */
export async function measure(
  target: Target,
  load: { url: string; headers: Record<string, string>; body: string },
  connections: number,
  options: BenchOptions,
  rate?: number,
): Promise<LoadResult> {
  const pids = [target.child.pid, ...target.departmentPids];
  const common = { connections, gatewayPid: target.child.pid, departmentPids: target.departmentPids, sqlCount: target.sqlCount, ...(rate ? { rate } : {}) };
  let perSecond = rate ?? 0;
  if (options.warmupMs > 0) {
    await waitIdle(pids);
    const warm = await runLoad(load, { ...common, durationMs: options.warmupMs, sqlCount: async () => null });
    if (!rate) perSecond = warm.requestsPerSecond;
  }
  await waitIdle(pids);
  const minimum = options.smoke ? connections : connections * 2;
  const amount = Math.max(minimum, Math.round((perSecond * options.durationMs) / 1000));
  return runLoad(load, { ...common, durationMs: options.durationMs, amount });
}

async function listGrowth(
  spec: typeof LIST_SPEC,
  targets: Target[],
  headers: Record<string, string>,
  options: BenchOptions,
  failures: string[],
): Promise<{ list: string; rows: ListGrowthRow[] }> {
  // where each page of 100 starts, as far as the longest list needs
  const longest = Math.max(...options.lengths);
  const cursors: (string | null)[] = [null];
  const field = spec.field.includes('(') ? spec.field.replace(')', ', first: 100, after: $after)') : `${spec.field}(first: 100, after: $after)`;
  let available = 0;
  for (let page = 0; page * 100 < longest; page++) {
    const answer = await post(
      targets[0]!.url,
      headers,
      bodyOf(`query Pages($after: String) { list: ${field} { nodes { __typename } pageInfo { hasNextPage endCursor } } }`, { after: cursors[page] }),
    );
    const list = answer.data?.list as { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined;
    if (!list) throw new Error(`growth: cannot page through ${spec.name}: ${answer.errors?.[0]?.message ?? 'no data'}`);
    available += list.nodes.length;
    if (!list.pageInfo.hasNextPage) break;
    cursors.push(list.pageInfo.endCursor);
  }
  const lengths = [...new Set(options.lengths.map((l) => Math.min(l, available)))].filter((l) => l > 0);
  const rows: ListGrowthRow[] = [];
  for (const length of lengths) {
    const { text, pages } = listQuery(spec, length);
    const variables = Object.fromEntries(Array.from({ length: pages }, (_, i) => [`after${i}`, cursors[i] ?? null]));
    const body = bodyOf(text, variables, 'ListGrowth');
    const checked = await check(targets, headers, body);
    if (!checked.ok) failures.push(`growth list of ${length}: ${checked.problems.join('; ')}`);
    for (const target of targets) {
      const run = await measure(target, { url: target.url, headers, body }, options.connections[0]!, options);
      rows.push({
        length,
        target: target.key,
        run,
        sqlPerRequest: run.sqlStatements === null || run.requests === 0 ? null : run.sqlStatements / run.requests,
        gatewayCpuMsPerRequest: run.gatewayCpuMs === null || run.requests === 0 ? null : run.gatewayCpuMs / run.requests,
      });
      if (run.failures || run.errorAnswers)
        failures.push(`growth list of ${length}: ${TARGET_LABELS[target.key]} failed ${run.failures} requests, ${run.errorAnswers} with GraphQL errors`);
      options.log(
        `growth list ${length} ${target.key}: p50 ${run.latency.p50.toFixed(1)} ms, ${((run.sqlStatements ?? NaN) / run.requests).toFixed(1)} SQL/req`,
      );
    }
  }
  return { list: spec.name, rows };
}

export type { BenchOptions, BenchResult, ChosenQuery };
