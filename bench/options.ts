// What a bench run measures, with the defaults of a full run and of a smoke run.
import { parseArgs } from 'node:util';

export type TargetKey = 'a' | 'b' | 'c';

export const TARGET_LABELS: Record<TargetKey, string> = {
  a: '(a) govgraph gateway',
  b: '(b) Hive Gateway',
  c: '(c) floor: one process',
};

export interface BenchOptions {
  /** people in the dataset */
  size: number;
  seed: number;
  /** tiny dataset, ~1 s per measurement */
  smoke: boolean;
  /** the main tables: every query × connections × target */
  main: boolean;
  /** provincial instance counts of the partitioned graph (issue 15) measured beside the unpartitioned one; [] = off */
  partitioned: number[];
  /** growth in list length and in data size */
  growth: boolean;
  /** dataset sizes for growth in data size */
  sizes: number[];
  /** list lengths for growth in list length */
  lengths: number[];
  /** fixed request rate (req/s) at which the person page's p99 is measured for each size */
  rate: number;
  durationMs: number;
  warmupMs: number;
  connections: number[];
  targets: TargetKey[];
  /** only these query names */
  queries?: string[];
  /** access recording in the departments (AUDIT_RECORDING; on starts the audit department) */
  audit: boolean;
  /** --cpu-prof of our gateway on the heaviest query, summarised */
  profile: boolean;
  profileMs: number;
  /** profile this query instead of the one with the highest gateway CPU per request */
  profileQuery?: string;
  /** extra node flags for our gateway's process (e.g. --max-semi-space-size=64), to try a change */
  gatewayFlags: string[];
  /** GATEWAY_WORKERS of our gateway: processes sharing its port (default 1, as in development) */
  gatewayWorkers: number | 'auto';
  /** extra node flags for every department process (e.g. --cpu-prof), to see where they spend time */
  departmentFlags: string[];
  /** where results are written; null: nowhere */
  resultsDir: string | null;
  /** GOVGRAPH_KEYS_DIR shared by the bench and every child */
  keysDir?: string;
  /**
   * Where the datasets live: bench/ (data-<size>-<seed>/, reused) by default; a smoke run builds its
   * tiny dataset in a private temporary folder, so that runs in parallel (npm test) never share one.
   */
  dataRoot?: string;
  /** progress lines */
  log: (line: string) => void;
}

export function resolveOptions(given: Partial<BenchOptions> = {}): BenchOptions {
  const smoke = given.smoke ?? false;
  const size = given.size ?? (smoke ? 50 : 100_000);
  return {
    size,
    seed: given.seed ?? 1,
    smoke,
    main: given.main ?? true,
    growth: given.growth ?? false,
    partitioned: given.partitioned ?? (smoke ? [] : [1, 3, 8]),
    sizes: given.sizes ?? (smoke ? [50, 200] : [10_000, size]),
    lengths: given.lengths ?? [10, 100, 1_000],
    rate: given.rate ?? 100,
    durationMs: given.durationMs ?? (smoke ? 1_000 : 5_000),
    warmupMs: given.warmupMs ?? (smoke ? 300 : 1_000),
    // a smoke run checks the harness, not the machine: few connections keep it short when the machine is busy
    connections: given.connections ?? (smoke ? [2, 8] : [10, 50]),
    targets: given.targets ?? ['a', 'b', 'c'],
    ...(given.queries ? { queries: given.queries } : {}),
    audit: given.audit ?? !smoke,
    profile: given.profile ?? false,
    profileMs: given.profileMs ?? (smoke ? 2_000 : 10_000),
    ...(given.profileQuery ? { profileQuery: given.profileQuery } : {}),
    gatewayFlags: given.gatewayFlags ?? [],
    gatewayWorkers: given.gatewayWorkers ?? 1,
    departmentFlags: given.departmentFlags ?? [],
    resultsDir: given.resultsDir === undefined ? 'bench/results' : given.resultsDir,
    ...(given.keysDir ? { keysDir: given.keysDir } : {}),
    ...(given.dataRoot ? { dataRoot: given.dataRoot } : {}),
    log: given.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}

const numbers = (text: string | undefined) => text?.split(',').map((s) => Number(s.trim().replace(/_/g, '')));

/** npm run bench -- [--smoke] [--size 100000] [--seed 1] [--growth] … (see bench/README.md) */
export function optionsFromArgs(args: string[]): Partial<BenchOptions> {
  const { values } = parseArgs({
    args,
    options: {
      smoke: { type: 'boolean' },
      size: { type: 'string' },
      seed: { type: 'string' },
      growth: { type: 'boolean' },
      'only-growth': { type: 'boolean' },
      partitioned: { type: 'string' },
      'only-partitioned': { type: 'boolean' },
      sizes: { type: 'string' },
      lengths: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      targets: { type: 'string' },
      queries: { type: 'string' },
      audit: { type: 'string' },
      profile: { type: 'boolean' },
      'profile-duration': { type: 'string' },
      'profile-query': { type: 'string' },
      'gateway-flags': { type: 'string' },
      'gateway-workers': { type: 'string' },
      'department-flags': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const list = (name: string, text: string | undefined) => {
    const parsed = numbers(text);
    parsed?.forEach((n) => positive(name, n));
    return parsed;
  };
  const out: Partial<BenchOptions> = {};
  if (values.smoke) out.smoke = true;
  if (values.size) out.size = positive('size', Number(values.size.replace(/_/g, '')));
  if (values.seed) out.seed = Number(values.seed);
  if (values.growth || values['only-growth']) out.growth = true;
  if (values['only-growth']) out.main = false;
  if (values.partitioned !== undefined) out.partitioned = values.partitioned === 'off' ? [] : list('partitioned', values.partitioned);
  if (values['only-partitioned']) {
    out.main = false;
    out.partitioned ??= [1, 3, 8];
  }
  if (values.sizes) out.sizes = list('sizes', values.sizes);
  if (values.lengths) out.lengths = list('lengths', values.lengths);
  if (values.rate) out.rate = positive('rate', Number(values.rate));
  if (values.duration) out.durationMs = positive('duration', Number(values.duration))! * 1000;
  if (values.warmup) out.warmupMs = Number(values.warmup) * 1000;
  if (values.connections) out.connections = list('connections', values.connections);
  if (values.targets) {
    const targets = values.targets.split(',').map((t) => t.trim());
    if (!targets.every((t): t is TargetKey => t === 'a' || t === 'b' || t === 'c')) throw new Error('--targets is a list of a, b, c');
    out.targets = targets;
  }
  if (values.queries) out.queries = values.queries.split(',').map((q) => q.trim());
  if (values.audit) {
    if (values.audit !== 'on' && values.audit !== 'off') throw new Error('--audit is on or off');
    out.audit = values.audit === 'on';
  }
  if (values.profile) out.profile = true;
  if (values['profile-duration']) out.profileMs = positive('profile-duration', Number(values['profile-duration']))! * 1000;
  if (values['profile-query']) {
    out.profile = true;
    out.profileQuery = values['profile-query'];
  }
  if (values['gateway-flags']) out.gatewayFlags = values['gateway-flags'].split(/\s+/).filter(Boolean);
  if (values['gateway-workers']) {
    const workers = values['gateway-workers'] === 'auto' ? 'auto' : Number(values['gateway-workers']);
    if (workers !== 'auto' && !(Number.isInteger(workers) && workers > 0)) throw new Error('--gateway-workers is a positive integer or auto');
    out.gatewayWorkers = workers;
  }
  if (values['department-flags']) out.departmentFlags = values['department-flags'].split(/\s+/).filter(Boolean);
  if (values.out) out.resultsDir = values.out === 'none' ? null : values.out;
  return out;
}

export const HELP = `npm run bench -- [options]

  --smoke                 tiny dataset (50 people), ~1 s per measurement, audit off; exits 1 if targets disagree or fail
  --size N                people in the dataset (default 100000; built once under bench/data-<size>-<seed>/)
  --seed N                dataset seed (default 1)
  --queries a,b           only these queries (catalog-search, person-page, region-dashboard, case-page, cases-list)
  --targets a,b,c         a: our gateway, b: Hive Gateway, c: the in-process floor (default all)
  --connections 10,50     autocannon connections (default 10,50; smoke 2,8)
  --duration S            seconds per measurement (default 5; smoke 1)
  --warmup S              seconds of warm-up before each measurement (default 1; smoke 0.3)
  --audit on|off          access recording in the departments (default on; smoke off)
  --partitioned 1,3,8     the partitioned graph with these provincial instance counts beside the unpartitioned one
                          (default 1,3,8 in a full run, off in a smoke run; off: --partitioned off)
  --only-partitioned      only the partitioned section
  --growth                also: latency vs list length and vs data size
  --only-growth           only the growth sections
  --sizes 10000,1000000   dataset sizes for growth in data size (default 10000,<size>)
  --lengths 10,100,1000   list lengths for growth in list length
  --rate 100              fixed rate for the person page's p99 per data size
  --profile               --cpu-prof our gateway on the heaviest query and summarise where it spends time
  --profile-duration S    seconds of profiling (default 10)
  --profile-query NAME    profile this query instead of the one with the highest gateway CPU per request
  --gateway-flags=…       extra node flags for our gateway (e.g. --gateway-flags=--max-semi-space-size=64), to try a change
  --gateway-workers N     our gateway as N processes sharing its port (GATEWAY_WORKERS, or auto; default 1)
  --department-flags=…    extra node flags for every department (e.g. --department-flags="--cpu-prof --cpu-prof-dir=/tmp/p")
  --out DIR|none          where results go (default bench/results)
`;
