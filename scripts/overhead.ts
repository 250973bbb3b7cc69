// npm run overhead: what the gateway's defences and the access recording add per request.
// Three set-ups over the same departments and data, measured in turns (a request to each in
// rotation, so machine noise hits all alike): full; gateway authentication and defences off;
// access recording off. Prints medians and the differences.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INGEST_PATH } from '../platform/audit/record.js';
import { startDepartment, type RunningDepartment } from '../platform/department.js';
import { mintToken } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';
import { registeredAgencies } from '../reference/agencies.js';
import { personAt } from '../samples/synthetic.js';
import { post, testDatabase } from '../platform/testing.js';
import { gatewayConfig } from '../gateway/config.js';
import { startGateway, type MeasurementSwitches } from '../gateway/server.js';
import { audit } from '../subgraphs/audit/department.js';
import { population } from '../subgraphs/population/department.js';
import { regions } from '../subgraphs/regions/department.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '400' }, size: { type: 'string', default: '2000' } } });
const n = Number(values.requests);
const size = Number(values.size);
process.env.GOVGRAPH_KEYS_DIR ??= mkdtempSync(join(tmpdir(), 'govgraph-overhead-'));
process.env.GOVGRAPH_LOG = 'silent';

const seed = { size, seed: 1 };
const auditDept = await startDepartment(audit, { port: 0, target: testDatabase('audit'), seed: false });
const ingest = auditDept.url.replace(/\/graphql$/, INGEST_PATH);
const region = await startDepartment(regions, { port: 0, target: testDatabase('regions') });
const populationDb = testDatabase('population');
const recording = await startDepartment(population, { port: 0, target: populationDb, seed, auditIngestUrl: ingest });
process.env.AUDIT_RECORDING = 'off';
const silent = await startDepartment(population, { port: 0, target: populationDb, seed: false });
delete process.env.AUDIT_RECORDING;

const gatewayOver = (pop: RunningDepartment, switches: MeasurementSwitches = {}) =>
  startGateway(
    gatewayConfig({ ...process.env, GATEWAY_PORT: '0', POPULATION_URL: pop.url, REGIONS_URL: region.url, RATE_LIMIT_CAPACITY: '1000000000' }),
    switches,
  );
const full = await gatewayOver(recording);
const bare = await gatewayOver(recording, { authentication: false, defences: false });
const unrecorded = await gatewayOver(silent);

// an officer of a catalog agency (tokens must name one), seeing everything in full or, without the unmask scope, masked
const officer = async (scopes: string[]) => {
  const caller = { role: 'OFFICER', subject: 'bench', department: registeredAgencies()[0]!.code, scopes } as const;
  const token = await mintToken(await devKeyPair('identity'), { ...caller, scopes: [...scopes] });
  return { authorization: `Bearer ${token}`, 'x-purpose': 'overhead measurement', 'x-bench-caller': JSON.stringify(caller) };
};
const headers = await officer(['population:read', 'population:unmask']);
const masked = await officer(['population:read']);
const query = 'query($id: ResidentId!) { person(id: $id) { id name phone address household { members { relation person { id name } } } } }';

const setups = { full, 'no authentication, no defences': bare, 'no access recording': unrecorded, 'full, caller sees masked values': full };
const times: Record<string, number[]> = Object.fromEntries(Object.keys(setups).map((k) => [k, []]));
for (let i = 0; i < n + 20; i += 1) {
  const variables = { id: personAt(1, (i * 7919) % size).id };
  for (const [name, gateway] of Object.entries(setups)) {
    const started = performance.now();
    const res = await post(gateway.url, query, variables, name.endsWith('masked values') ? masked : headers);
    if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
    if (i >= 20) times[name]!.push(performance.now() - started); // the first 20 warm up
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
process.stdout.write(
  `\nOfficer person look-up through the gateway, ${n} requests per set-up in turns (ms):\n| set-up | median |\n|---|--:|\n` +
    Object.entries(m)
      .map(([k, v]) => `| ${k} | ${v!.toFixed(2)} |`)
      .join('\n') +
    `\n\nadded by authentication + limits + access checks + masking: ${(m.full! - m['no authentication, no defences']!).toFixed(2)} ms (median difference)` +
    `\nadded by access recording (outbox write): ${(m.full! - m['no access recording']!).toFixed(2)} ms (median difference)` +
    `\nadded by masking (in the department and again at the gateway) for a caller without unmask: ${(m['full, caller sees masked values']! - m.full!).toFixed(2)} ms (median difference)\n`,
);
for (const g of Object.values(setups)) await g.close();
for (const d of [recording, silent, region, auditDept]) await d.close();
process.exit(0);
