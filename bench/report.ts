// Markdown tables of a bench run (printed, and written beside the JSON).
import type { LoadResult } from './load.js';
import type { BenchOptions, TargetKey } from './options.js';
import { TARGET_LABELS } from './options.js';
import type { PartitionedResult } from './partitioned.js';
import type { ProfileSummary } from './profile.js';

export interface TargetSummary {
  target: TargetKey;
  runs: LoadResult[];
  /** for the floor, the whole process (gateway and departments) */
  gatewayCpuMsPerRequest: number | null;
  departmentsCpuMsPerRequest: number | null;
  gatewayPeakMiB: number | null;
  sqlPerRequest: number | null;
  failures: number;
  /** 2xx answers with GraphQL errors */
  errorAnswers: number;
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
  /** bytes of the reference answer */
  bytes: number;
}

export interface QueryResult {
  name: string;
  title: string;
  file: string;
  caller: string;
  departments: string[];
  variables: Record<string, unknown>;
  check: CheckResult;
  targets: TargetSummary[];
}

export interface ListGrowthRow {
  length: number;
  target: TargetKey;
  run: LoadResult;
  sqlPerRequest: number | null;
  gatewayCpuMsPerRequest: number | null;
}

export interface SizeGrowthRow {
  size: number;
  query: string;
  run: LoadResult;
  sqlPerRequest: number | null;
  /** the fixed-rate run, when this row is the person page's */
  fixedRate?: LoadResult;
}

export interface BenchResult {
  ok: boolean;
  failures: string[];
  notes: string[];
  startedAt: string;
  seconds: number;
  environment: Record<string, unknown>;
  options: Omit<BenchOptions, 'log'>;
  queries: QueryResult[];
  listGrowth?: { list: string; rows: ListGrowthRow[] };
  sizeGrowth?: { rate: number; rows: SizeGrowthRow[] };
  profile?: ProfileSummary & { query: string };
  /** the partitioned graph at 1, 3, 8… provincial instances beside the unpartitioned one (--partitioned) */
  partitioned?: PartitionedResult;
  files?: { json: string; markdown: string };
}

const n = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;
const latency = (r: LoadResult | undefined) => (r && r.requests > 0 ? `${n(r.latency.p50)} / ${n(r.latency.p95)} / ${n(r.latency.p99)}` : '–');

function queryTable(q: QueryResult, connections: number[]): string {
  const head = [
    'target',
    ...connections.map((c) => `req/s @${c}`),
    ...connections.map((c) => `p50 / p95 / p99 ms @${c}`),
    'gateway CPU ms/req',
    'departments CPU ms/req',
    'gateway peak RSS MiB',
    'SQL/req',
    'failed',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`];
  const at = (t: TargetSummary | undefined, c: number) => t?.runs.find((r) => r.connections === c);
  for (const t of q.targets) {
    lines.push(
      `| ${TARGET_LABELS[t.target]} | ${[
        ...connections.map((c) => n(at(t, c)?.requestsPerSecond, 0)),
        ...connections.map((c) => latency(at(t, c))),
        `${n(t.gatewayCpuMsPerRequest, 2)}${t.target === 'c' ? ' (all)' : ''}`,
        n(t.departmentsCpuMsPerRequest, 2),
        n(t.gatewayPeakMiB, 0),
        n(t.sqlPerRequest, 1),
        t.failures || t.errorAnswers ? `${t.failures} + ${t.errorAnswers} with errors` : '0',
      ].join(' | ')} |`,
    );
  }
  const a = q.targets.find((t) => t.target === 'a');
  for (const other of ['b', 'c'] as const) {
    const o = q.targets.find((t) => t.target === other);
    if (!a || !o) continue;
    lines.push(
      `| (a)/(${other}) | ${[
        ...connections.map((c) => ratio(at(a, c)?.requestsPerSecond, at(o, c)?.requestsPerSecond)),
        ...connections.map(
          (c) =>
            `${ratio(at(a, c)?.latency.p50, at(o, c)?.latency.p50)} / ${ratio(at(a, c)?.latency.p95, at(o, c)?.latency.p95)} / ${ratio(at(a, c)?.latency.p99, at(o, c)?.latency.p99)}`,
        ),
        ratio(a.gatewayCpuMsPerRequest, o.gatewayCpuMsPerRequest),
        other === 'c' ? '' : ratio(a.departmentsCpuMsPerRequest, o.departmentsCpuMsPerRequest),
        ratio(a.gatewayPeakMiB, o.gatewayPeakMiB),
        ratio(a.sqlPerRequest, o.sqlPerRequest),
        '',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export function renderMarkdown(result: BenchResult): string {
  const { options: o, environment: env } = result;
  const out: string[] = [];
  out.push(`# govgraph bench${o.smoke ? ' (smoke)' : ''} — ${result.startedAt}`);
  out.push('');
  out.push(
    `${result.ok ? 'OK' : '**FAILED**'} in ${result.seconds.toFixed(0)} s · dataset ${o.size} people, seed ${o.seed} · ${o.durationMs / 1000} s per measurement after ${o.warmupMs / 1000} s warm-up, targets in turns ${o.targets.join('→')} · access recording ${o.audit ? 'on' : 'off'} · ${Object.entries(
      env,
    )
      .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' · ')}`,
  );
  out.push('');
  out.push(
    'Latency in ms (p50 / p95 / p99 of every 2xx response). Gateway CPU: CPU time of the gateway process over the measurement, per answered request; for (c) the whole process, departments included. Departments CPU: the department processes behind (a) and (b), the audit department left out. Peak RSS: the gateway process during the query. SQL/req: statements the departments sent, per request (access-outbox delivery left out).',
  );
  if (result.failures.length) out.push('', '**Failures**', '', ...result.failures.map((f) => `- ${f}`));
  if (result.notes.length) out.push('', '**Notes**', '', ...result.notes.map((f) => `- ${f}`));
  for (const q of result.queries) {
    out.push('', `## ${q.name} — ${q.title}`, '');
    out.push(
      `\`bench/queries/${q.file}\` · caller ${q.caller} · departments ${q.departments.join(', ')} · answer ${q.check.bytes} bytes · variables \`${JSON.stringify(q.variables)}\``,
    );
    out.push(`Same data from every target: ${q.check.ok ? 'yes' : `**NO**: ${q.check.problems.join('; ')}`}`);
    if (q.targets.length) out.push('', queryTable(q, o.connections));
  }
  if (result.listGrowth) {
    out.push('', `## Growth in list length (${result.listGrowth.list}, pages of at most 100 under aliases, ${o.connections[0]} connections)`, '');
    out.push('| items | target | req/s | p50 / p95 / p99 ms | p50 ms per item | gateway CPU ms/req | SQL/req |', '|--:|---|--:|--:|--:|--:|--:|');
    for (const r of result.listGrowth.rows) {
      out.push(
        `| ${r.length} | ${TARGET_LABELS[r.target]} | ${n(r.run.requestsPerSecond, 0)} | ${latency(r.run)} | ${n(r.run.latency.p50 / r.length, 3)} | ${n(r.gatewayCpuMsPerRequest, 2)} | ${n(r.sqlPerRequest, 1)} |`,
      );
    }
  }
  if (result.sizeGrowth) {
    out.push(
      '',
      `## Growth in data size (look-ups through (a), ${o.connections[0]} connections; person page also at a fixed ${result.sizeGrowth.rate} req/s)`,
      '',
    );
    out.push(
      '| people | query | req/s | p50 / p95 / p99 ms | SQL/req | at fixed rate: req/s | at fixed rate: p50 / p95 / p99 ms |',
      '|--:|---|--:|--:|--:|--:|--:|',
    );
    for (const r of result.sizeGrowth.rows) {
      out.push(
        `| ${r.size} | ${r.query} | ${n(r.run.requestsPerSecond, 0)} | ${latency(r.run)} | ${n(r.sqlPerRequest, 1)} | ${r.fixedRate ? n(r.fixedRate.requestsPerSecond, 0) : ''} | ${r.fixedRate ? latency(r.fixedRate) : ''} |`,
      );
    }
  }
  if (result.partitioned) out.push('', partitionedTable(result.partitioned));
  if (result.profile) {
    const p = result.profile;
    out.push(
      '',
      `## Where our gateway spends its time: ${p.query} (--cpu-prof, ${n(p.busyMs, 0)} ms of busy samples${p.wholeProfile ? ', whole process life' : ''})`,
      '',
    );
    out.push(`Profile: \`${p.file}\` (open in Chrome DevTools › Performance, or speedscope)`, '');
    out.push('| phase (each sample in one) | % of busy time |', '|---|--:|', ...p.phases.map((l) => `| ${l.name} | ${n(l.percent)} |`), '');
    out.push('| area | self % | inclusive % |', '|---|--:|--:|', ...p.areas.map((l) => `| ${l.name} | ${n(l.selfPercent)} | ${n(l.inclusivePercent)} |`));
    out.push(
      '',
      '| function | self % | inclusive % |',
      '|---|--:|--:|',
      ...p.functions.map((l) => `| ${l.name.replace(/\|/g, '\\|')} | ${n(l.selfPercent)} | ${n(l.inclusivePercent)} |`),
    );
  }
  return `${out.join('\n')}\n`;
}

const cpu = (r: LoadResult, pick: (r: LoadResult) => number | null) => {
  const v = pick(r);
  return v === null || r.requests === 0 ? null : v / r.requests;
};

/**
 * One table per target: each query at each instance count beside the same query on the unpartitioned
 * departments, measured just before it, with the ratios partitioned / unpartitioned.
 */
function partitionedTable(p: PartitionedResult): string {
  const out = [
    `## The partitioned graph: cases, evaluation and appeals at ${p.deployments.map((d) => d.instances).join(', ')} provincial instances + national (${p.connections} connections)`,
    '',
    `Each instance its own process over its own database (the dataset's share of its jurisdiction), a router process per department at its URL. Provincial queries ask about province ${p.province}, which runs an instance of its own at every count. Each row: the partitioned graph (part.) and, measured just before it through the same target, the unpartitioned departments (unp.); ratios part. / unp. Departments CPU: every department process behind the gateway, routers and instances included (audit left out).`,
    '',
    ...p.deployments.map(
      (d) =>
        `- ${d.instances} instances (${d.provinces.join(', ')} + national): ${d.processes} processes, up in ${n(d.startSeconds)} s${d.seeded.length ? `, seeded ${d.seeded.length} databases` : ''}`,
    ),
  ];
  for (const target of [...new Set(p.rows.map((r) => r.target))]) {
    out.push('', `### ${TARGET_LABELS[target]}`, '');
    out.push(
      '| query | scope | instances | p50 ms part. / unp. | p95 ms part. / unp. | gateway CPU ms/req part. / unp. | departments CPU ms/req part. / unp. | p50 × | p95 × | gateway CPU × | departments CPU × |',
      '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    );
    const order = [...new Set(p.rows.map((r) => r.query))];
    const rows = p.rows.filter((x) => x.target === target).sort((x, y) => order.indexOf(x.query) - order.indexOf(y.query) || x.instances - y.instances);
    for (const r of rows) {
      const gw = [cpu(r.run, (x) => x.gatewayCpuMs), cpu(r.base, (x) => x.gatewayCpuMs)] as const;
      const dp = [cpu(r.run, (x) => x.departmentsCpuMs), cpu(r.base, (x) => x.departmentsCpuMs)] as const;
      out.push(
        `| ${r.query} | ${r.scope} | ${r.instances} | ${[
          `${n(r.run.latency.p50)} / ${n(r.base.latency.p50)}`,
          `${n(r.run.latency.p95)} / ${n(r.base.latency.p95)}`,
          `${n(gw[0], 2)} / ${n(gw[1], 2)}`,
          `${n(dp[0], 2)} / ${n(dp[1], 2)}`,
          ratio(r.run.latency.p50, r.base.latency.p50),
          ratio(r.run.latency.p95, r.base.latency.p95),
          ratio(...gw),
          ratio(...dp),
        ].join(' | ')} |`,
      );
    }
  }
  return out.join('\n');
}
