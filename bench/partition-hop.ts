// npx tsx bench/partition-hop.ts [--size 2000] [--rounds 5] [--requests 200]
// What the jurisdiction router's hop costs (issue 15): the same look-ups of a case by id, signed as the
// gateway signs them, sent (u) to the cases department unpartitioned and (p) to the router of cases
// partitioned into Beijing, Guangdong and national instances, in alternating rounds. Prints medians
// and p95 per request and their ratio. Each side over its own SQLite files with the same sample data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { startDepartment } from '../platform/department.js';
import { loadDepartment } from '../platform/departments.js';
import { startPartitioned } from '../platform/partition/start.js';
import { gatewaySigner } from '../platform/security/gateway-token.js';
import { devKeyPair, newKeyPair } from '../platform/security/keys.js';
import { post, requestBody } from '../platform/testing.js';
import { registeredAgencies } from '../reference/agencies.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' }, requests: { type: 'string', default: '200' } },
});
const size = Number(values.size);
const rounds = Number(values.rounds);
const requests = Number(values.requests);

process.env.AUDIT_RECORDING ??= 'on';
const dir = mkdtempSync(join(tmpdir(), 'govgraph-hop-'));
const cases = await loadDepartment('cases');
const gateway = await devKeyPair('gateway');
const seed = { size, seed: 1 };
// both sides record their reads into an outbox no audit department collects: the same work on each side
const common = { seed, auditIngestUrl: 'http://127.0.0.1:9/ingest', auditIntervalMs: 3_600_000 };
const plain = await startDepartment(cases, { ...common, port: 0, target: { kind: 'sqlite', file: join(dir, 'cases.sqlite') }, verifyKey: gateway.publicJwk });
const split = await startPartitioned(cases, {
  ...common,
  provinces: ['11', '44'],
  target: (instance) => ({ kind: 'sqlite', file: join(dir, `${instance.replace('@', '_')}.sqlite`) }),
  gatewayKey: gateway.publicJwk,
  routerKeys: await newKeyPair('router-hop'),
});

const ids = ((await (plain.orm.em.fork() as SqlEntityManager).execute('select id from cases order by id')) as { id: string }[]).map((r) => r.id);
const sign = await gatewaySigner(gateway.privateJwk);
const caller = { role: 'OFFICER' as const, subject: 'officer-hop', department: registeredAgencies()[0]!.code, scopes: ['cases:read'] };
const QUERY = 'query($id: ID!) { case(id: $id) { id status region { code } } }';

async function round(url: string, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const variables = { id: ids[(offset + i * 7919) % ids.length]! };
    const token = await sign('cases', { caller, purpose: 'basis:licensing-review', requestId: `hop-${i}`, clientName: 'bench' }, requestBody(QUERY, variables));
    const started = performance.now();
    const res = await post(url, QUERY, variables, { 'x-gateway-token': token });
    times.push(performance.now() - started);
    if (res.errors || !res.data?.case) throw new Error(`${url}: ${JSON.stringify(res.errors ?? res.data)}`);
  }
  return times;
}

const sample: Record<'u' | 'p', number[]> = { u: [], p: [] };
await round(plain.url, 1); // warm both
await round(split.url, 1);
for (let r = 0; r < rounds; r++) {
  sample.u.push(...(await round(plain.url, r)));
  sample.p.push(...(await round(split.url, r)));
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const row = (name: string, xs: number[]) => `| ${name} | ${quantile(xs, 0.5).toFixed(2)} ms | ${quantile(xs, 0.95).toFixed(2)} ms |`;
process.stdout.write(
  [
    `case(id) look-ups, ${rounds} alternating rounds of ${requests}, ${ids.length} cases, sequential (latency, not throughput)`,
    '',
    '| target | median | p95 |',
    '|---|---|---|',
    row('(u) cases, one instance', sample.u),
    row('(p) router → province instance', sample.p),
    `| ratio p/u | ${(quantile(sample.p, 0.5) / quantile(sample.u, 0.5)).toFixed(2)}× | ${(quantile(sample.p, 0.95) / quantile(sample.u, 0.95)).toFixed(2)}× |`,
    '',
  ].join('\n'),
);
await plain.close();
await split.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
