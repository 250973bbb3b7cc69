import { DEPARTMENTS, loadDepartment } from '../../platform/departments.js';
import { post, startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { INGEST_PATH } from '../../platform/audit/record.js';
import { startPartitioned, type RunningPartitioned } from '../../platform/partition/start.js';
import type { Province } from '../../platform/partition/jurisdiction.js';
import { devKeyPair, newKeyPair, type KeyPair } from '../../platform/security/keys.js';
import { testDatabase } from '../../platform/testing.js';
import type { SeedOptions } from '../../platform/department.js';

export interface TestPlatform {
  gateway: RunningGateway;
  departments: Record<string, TestDepartment>;
  /** partitioned departments: a router at the department's URL, an instance per province and a national one */
  partitioned: Record<string, RunningPartitioned>;
  /** the key pair the routers sign instance tokens with (for attack tests) */
  routerKeys: KeyPair;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof post<T>>;
  /** SQL statements sent by the departments since the last reset (not the audit log, which only receives background deliveries) */
  sqlCount(): number;
  resetSql(): void;
  close(): Promise<void>;
}

/**
 * The whole platform for one test file: every department on a free port over
 * its own fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set),
 * and the gateway over the committed supergraph, talking real HTTP.
 */
export async function startPlatform(
  env: NodeJS.ProcessEnv = {},
  options: { partitioned?: Record<string, readonly Province[]>; seed?: SeedOptions } = {},
): Promise<TestPlatform> {
  // the tests' small population by default; { size: 200, seed: 1 } is what npm start seeds
  const seed = options.seed ?? { size: 50, seed: 7 };
  // the audit log starts empty, and every other department delivers its access records to it
  const audit = await startTestDepartment(await loadDepartment('audit'), false);
  const ingest = audit.url.replace(/\/graphql$/, INGEST_PATH);
  const split = options.partitioned ?? {};
  const gatewayKey = (await devKeyPair('gateway')).publicJwk;
  const routerKeys = await newKeyPair('router-test');
  const partitioned = Object.fromEntries(
    await Promise.all(
      Object.entries(split).map(async ([name, provinces]) => {
        const running = await startPartitioned(await loadDepartment(name), {
          provinces,
          target: (instance) => testDatabase(instance.replace('@', '_')),
          gatewayKey,
          routerKeys,
          seed,
          auditIngestUrl: ingest,
          auditIntervalMs: 200,
          // as the gateway's below: slow answers on a loaded machine are not outages here
          timeoutMs: 60_000,
        });
        return [name, running] as const;
      }),
    ),
  );
  const others = await Promise.all(
    DEPARTMENTS.filter((d) => d.name !== 'audit' && !split[d.name]).map(async (d) =>
      startTestDepartment(await loadDepartment(d.name), seed, { auditIngestUrl: ingest }),
    ),
  );
  const started = [audit, ...others];
  const departments = Object.fromEntries(started.map((d) => [d.name, d]));
  const urls = Object.fromEntries([...started, ...Object.values(partitioned)].map((d) => [`${d.name.toUpperCase()}_URL`, d.url]));
  // a test platform's departments answer slowly on a loaded machine (a national figure over eight PostgreSQL
  // instances took over 5 s, the production default): a test that wants a timeout sets its own (resilience.test.ts)
  const gateway = await startGateway(gatewayConfig({ ...process.env, GATEWAY_PORT: '0', SUBGRAPH_TIMEOUT_MS: '60000', ...urls, ...env }));
  return {
    gateway,
    departments,
    partitioned,
    routerKeys,
    query: (query, variables = {}, headers = {}) => post(gateway.url, query, variables, headers),
    sqlCount: () => others.reduce((sum, d) => sum + d.sql.count, 0),
    resetSql: () => started.forEach((d) => d.sql.reset()),
    async close() {
      await gateway.close();
      // the departments stop delivering before the audit log they deliver to closes: closed together,
      // a delivery in flight met an audit department half shut (its database pool gone) and a
      // department's stop waited on it
      await Promise.all([...others, ...Object.values(partitioned)].map((d) => d.close()));
      await audit.close();
    },
  };
}
