// Summarises a V8 .cpuprofile (node --cpu-prof): where the time went, by area (package or our
// file) and by function, self and inclusive, for the samples inside a time window.
import { readFileSync } from 'node:fs';
import { ROOT } from './processes.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  selfPercent: number;
  inclusivePercent: number;
}

export interface ProfileSummary {
  file: string;
  /** every busy sample in exactly one phase: the highest-priority phase found on its stack */
  phases: { name: string; percent: number }[];
  /** sampled ms in the window, idle excluded */
  busyMs: number;
  /** the samples came from the whole process life (the window matched none) */
  wholeProfile: boolean;
  areas: ProfileLine[];
  functions: ProfileLine[];
}

/** The package (node_modules/<pkg>), our file (gateway/…, platform/…), node:… or a V8 pseudo-frame. */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8: garbage collection';
    if (functionName === '(program)') return 'V8: native / compiler';
    if (functionName === '(idle)') return '(idle)';
    return `V8: ${functionName || 'native'}`;
  }
  if (url.startsWith('node:')) return 'node core (http, net, streams, modules…)';
  const path = url.replace(/^file:\/\//, '');
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const rest = path.slice(at + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith(ROOT)) return path.slice(ROOT.length).replace(/^\//, '');
  return path;
}

/**
 * Phases of a gateway request, in priority order: a sample belongs to the first phase that any
 * frame of its stack matches (so signing inside a subgraph fetch counts as signing).
 */
const PHASES: { name: string; test: (frame: CallFrame, area: string) => boolean }[] = [
  { name: 'garbage collection', test: (f) => !f.url && f.functionName === '(garbage collector)' },
  { name: 'plugin: personal-data masking (gateway/plugins/masking.ts)', test: (f) => f.url.includes('/gateway/plugins/masking') },
  { name: 'plugin: access rules (gateway/plugins/access.ts)', test: (f) => f.url.includes('/gateway/plugins/access') },
  { name: 'plugin: limits and rate limit (gateway/limits/)', test: (f) => f.url.includes('/gateway/limits/') },
  { name: 'plugin: scalar checks (gateway/plugins/scalars.ts)', test: (f) => f.url.includes('/gateway/plugins/scalars') },
  { name: 'error masking (platform/format-error.ts)', test: (f) => f.url.includes('/platform/format-error') },
  // gateway tokens are signed with node:crypto (platform/security/jws.ts); the caller's JWT is verified by
  // jose through WebCrypto, after an await, so the stack shows jose's frame, not ours
  {
    name: 'signing gateway tokens (node:crypto Ed25519, one per fetch)',
    test: (f) => f.url.includes('/platform/security/gateway-token') || f.url.includes('/platform/security/jws'),
  },
  {
    name: 'authenticating the caller (jose → WebCrypto Ed25519)',
    test: (f) => f.url.includes('/gateway/auth') || (f.functionName === 'verifySignature' && f.url.includes('/jose/')),
  },
  { name: 'query planning', test: (f, area) => area === '@apollo/query-planner' || /buildQueryPlan/.test(f.functionName) },
  { name: 'result shaping (Apollo computeResponse)', test: (f) => f.url.includes('/resultShaping') },
  {
    name: 'subgraph fetches: HTTP client, JSON parse (undici, RemoteGraphQLDataSource)',
    test: (f, area) => area === 'undici' || area === 'node-fetch' || f.url.includes('RemoteGraphQLDataSource') || f.url.includes('/gateway/datasource'),
  },
  {
    name: 'plan execution and merging (@apollo/gateway executeQueryPlan)',
    test: (f) => f.url.includes('@apollo/gateway') && f.url.includes('executeQueryPlan'),
  },
  { name: 'response serialisation (JSON.stringify)', test: (f) => f.functionName === 'prettyJSONStringify' },
  { name: 'graphql-js (parse, validate, execute)', test: (_f, area) => area === 'graphql' },
  { name: 'Apollo Server and gateway, other', test: (_f, area) => area.startsWith('@apollo/') },
  { name: 'HTTP server and sockets (node:http, platform/http.ts)', test: (f, area) => area.startsWith('node core') || f.url.includes('/platform/http') },
];

function phaseOf(stack: CallFrame[]): string {
  let best = PHASES.length;
  for (const frame of stack) {
    const area = areaOf(frame);
    for (let i = 0; i < best; i++) if (PHASES[i]!.test(frame, area)) best = i;
  }
  return PHASES[best]?.name ?? 'other (V8 natives, microtasks, libraries)';
}

function functionOf(frame: CallFrame): string {
  const area = areaOf(frame);
  if (!frame.url) return area;
  const path = frame.url.replace(/^file:\/\//, '');
  const where = path.startsWith('node:') ? path : area.includes('/') && !area.startsWith('@') ? area : `${area}/${path.split('/').pop()}`;
  const line = path.startsWith(ROOT) && !path.includes('/node_modules/') ? '' : `:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'} (${where}${line})`;
}

/** windowUs: [from, to] on the monotonic clock in µs (process.hrtime.bigint() / 1000 in any process). */
export function summariseProfile(file: string, windowUs?: [number, number], top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // sample i lasts until the next one: weight each by the following time delta
  const picked: { node: number; us: number }[] = [];
  let t = profile.startTime;
  const all: { node: number; us: number }[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const sample = { node: profile.samples[i]!, us };
    all.push(sample);
    if (windowUs && t >= windowUs[0] && t <= windowUs[1]) picked.push(sample);
  }
  const wholeProfile = !windowUs || picked.length === 0;
  const samples = wholeProfile ? all : picked;

  const selfArea = new Map<string, number>();
  const inclArea = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const inclFn = new Map<string, number>();
  const phases = new Map<string, number>();
  let busy = 0;
  for (const { node, us } of samples) {
    const leaf = byId.get(node);
    if (!leaf || areaOf(leaf.callFrame) === '(idle)') continue;
    busy += us;
    const area = areaOf(leaf.callFrame);
    selfArea.set(area, (selfArea.get(area) ?? 0) + us);
    const fn = functionOf(leaf.callFrame);
    selfFn.set(fn, (selfFn.get(fn) ?? 0) + us);
    const areas = new Set<string>();
    const fns = new Set<string>();
    const stack: CallFrame[] = [];
    for (let id: number | undefined = node; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(root)') continue;
      stack.push(frame);
      areas.add(areaOf(frame));
      fns.add(functionOf(frame));
    }
    const phase = phaseOf(stack);
    phases.set(phase, (phases.get(phase) ?? 0) + us);
    for (const a of areas) inclArea.set(a, (inclArea.get(a) ?? 0) + us);
    for (const f of fns) inclFn.set(f, (inclFn.get(f) ?? 0) + us);
  }
  const percent = (us: number) => (busy ? (100 * us) / busy : 0);
  const lines = (self: Map<string, number>, incl: Map<string, number>, keys: Iterable<string>) =>
    [...keys].map((name) => ({ name, selfPercent: percent(self.get(name) ?? 0), inclusivePercent: percent(incl.get(name) ?? 0) }));
  const areas = lines(selfArea, inclArea, inclArea.keys())
    .filter((l) => l.selfPercent >= 0.5 || (l.inclusivePercent >= 2 && l.inclusivePercent < 99))
    .sort((a, b) => b.selfPercent - a.selfPercent)
    .slice(0, top);
  // by self time, then the biggest inclusive frames that are not just the event loop's roots
  const bySelf = lines(selfFn, inclFn, selfFn.keys())
    .sort((a, b) => b.selfPercent - a.selfPercent)
    .slice(0, top);
  const byInclusive = lines(selfFn, inclFn, inclFn.keys())
    .filter((l) => l.inclusivePercent < 95 && !bySelf.some((s) => s.name === l.name))
    .sort((a, b) => b.inclusivePercent - a.inclusivePercent)
    .slice(0, top);
  return {
    file,
    busyMs: busy / 1000,
    wholeProfile,
    phases: [...phases].map(([name, us]) => ({ name, percent: percent(us) })).sort((a, b) => b.percent - a.percent),
    areas,
    functions: [...bySelf, ...byInclusive],
  };
}
