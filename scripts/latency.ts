// npm run latency: median latency of a person look-up and a region search through the gateway, over databases
// seeded with `npm run seed -- --size N` in GOVGRAPH_DATA_DIR:
//   GOVGRAPH_DATA_DIR=/tmp/gg1m npm run latency -- --size 1000000 [--requests 300]
// With --dashboard (catalog, cases, evaluation and appeals seeded too), also the region dashboard:
// the items with the most overdue cases, their satisfaction, and the top unmet demands.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDepartment } from '../platform/department.js';
import { loadDepartment } from '../platform/departments.js';
import { registeredAgencies } from '../reference/agencies.js';
import { mintToken } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';
import { residenceCounties, personAt } from '../samples/synthetic.js';
import { post } from '../platform/testing.js';
import { gatewayConfig } from '../gateway/config.js';
import { startGateway } from '../gateway/server.js';
import { todayInChina } from '../platform/time.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    requests: { type: 'string', default: '300' },
    dashboard: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
const n = Number(values.requests);
process.env.GOVGRAPH_KEYS_DIR ??= mkdtempSync(join(tmpdir(), 'govgraph-latency-'));
process.env.AUDIT_RECORDING = 'off'; // the look-up itself, without the audit outbox

// population must already be seeded at the size asked; regions seeds itself (all of GB/T 2260) if empty
const departments = await Promise.all([
  startDepartment(await loadDepartment('population'), { port: 0, seed: false }),
  startDepartment(await loadDepartment('regions'), { port: 0 }),
  ...(values.dashboard
    ? ['catalog', 'cases', 'evaluation', 'appeals'].map(async (name) => startDepartment(await loadDepartment(name), { port: 0, seed: false }))
    : []),
]);
const env = Object.fromEntries(departments.map((d) => [`${d.name.toUpperCase()}_URL`, d.url]));
const gateway = await startGateway(gatewayConfig({ ...process.env, ...env, GATEWAY_PORT: '0', RATE_LIMIT_CAPACITY: '100000000' }));
const token = await mintToken(await devKeyPair('identity'), {
  role: 'OFFICER',
  subject: 'bench',
  department: registeredAgencies()[0]!.code,
  scopes: ['population:read', 'population:unmask'],
});
const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'latency measurement' };

async function measure(name: string, make: (i: number) => [string, Record<string, unknown>]): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const [query, variables] = make(i);
    const started = performance.now();
    const res = await post(gateway.url, query, variables, headers);
    times.push(performance.now() - started);
    if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return `| ${name} | ${n} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} |`;
}

const counties = residenceCounties();
const rows = [
  await measure('person look-up: person(id) { name birthDate household { members { person { name } } } }', (i) => [
    'query($id: ResidentId!) { person(id: $id) { name birthDate household { members { relation person { name } } } } }',
    { id: personAt(seed, (i * 7919) % size).id },
  ]),
  await measure('region search: people(region: county, first: 20) { id name }', (i) => [
    'query($r: DivisionCode!) { people(region: $r, first: 20) { nodes { id name } } }',
    { r: counties[i % counties.length]!.code },
  ]),
];
if (values.dashboard) {
  const to = todayInChina();
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const provinces = ['110000', '310000', '330000', '440000', '510000', '620000'];
  rows.push(
    await measure('region dashboard: mostOverdueItems + satisfaction + unmetDemand, one province, one year', (i) => [
      `query($code: DivisionCode!, $from: Date!, $to: Date!) { region(code: $code) { fullName
        mostOverdueItems(from: $from, to: $to, first: 5) { overdueCases totalCases item { name satisfaction(from: $from, to: $to) { satisfactionRate badReviews } } }
        unmetDemand(from: $from, to: $to, first: 5) { rank name score } } }`,
      { code: provinces[i % provinces.length], from, to },
    ]),
  );
}
process.stdout.write(
  `\nThrough the gateway, ${size} people, sequential requests (ms):\n| query | requests | median | p95 | p99 |\n|---|--:|--:|--:|--:|\n${rows.join('\n')}\n`,
);
await gateway.close();
await Promise.all(departments.map((d) => d.close()));
process.exit(0);
