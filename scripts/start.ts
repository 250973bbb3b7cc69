// npm start: every department as its own process, then the gateway over them. A partitioned department
// in the routing table (config/jurisdictions.json, or GOVGRAPH_JURISDICTIONS) runs as its instances, each
// its own process over its own database, and a router process at the department's URL.
// Ctrl-C stops everything. Ports come from <NAME>_PORT / GATEWAY_PORT (0 = any free port).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { INGEST_PATH } from '../platform/audit/record.js';
import { DEPARTMENTS, type DepartmentEntry } from '../platform/departments.js';
import { DEFAULT_TABLE, readTable, type RoutingTable } from '../platform/partition/table.js';
import { consoleSubjects } from './demo-subjects.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
/** the processes that are instances of a partitioned department, by instance name */
const instances = new Map<ChildProcess, string>();
const started = Date.now();

function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<string> {
  const child = fork(`${root}/${entry}`, args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  if (args[0] === 'instance') instances.set(child, name);
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type?: string; url?: string }) => m.type === 'ready' && m.url && resolve(m.url));
    child.on('exit', (code) => reject(new Error(`${name} stopped (exit code ${code ?? 'signal'})`)));
  });
}

function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** A department's URL: its own process, or its local instances, then its router at that URL. */
async function startDepartment(d: DepartmentEntry, table: RoutingTable, env: NodeJS.ProcessEnv): Promise<string> {
  const instances = table.get(d.name);
  if (!instances) return startProcess(d.name, `subgraphs/${d.name}/index.ts`, env);
  const local = instances.filter((i) => !i.url);
  const urls = await Promise.all(local.map((i) => startProcess(i.name, 'platform/partition/main.ts', env, ['instance', d.name, i.province ?? 'national'])));
  const listening = JSON.stringify(Object.fromEntries(local.map((i, n) => [i.name, urls[n]])));
  return startProcess(d.name, 'platform/partition/main.ts', { ...env, PARTITION_INSTANCE_URLS: listening }, ['router', d.name]);
}

try {
  // a bad routing table stops everything before anything starts
  const table = readTable();
  const instanceCount = [...table.values()].reduce((n, list) => n + list.filter((i) => !i.url).length, 0);
  // audit first: every other department delivers its access records there
  const auditUrl = await startProcess('audit', 'subgraphs/audit/index.ts');
  const others = DEPARTMENTS.filter((d) => d.name !== 'audit');
  const urls = await Promise.all(others.map((d) => startDepartment(d, table, { AUDIT_INGEST_URL: auditUrl.replace(/\/graphql$/, INGEST_PATH) })));
  const urlEnv = Object.fromEntries([...others.map((d, i) => [`${d.name.toUpperCase()}_URL`, urls[i]]), ['AUDIT_URL', auditUrl]]);
  // the console's development sign-in names the demo's subjects of what the departments seed (200 people, seed 1)
  const gateway = await startProcess('gateway', 'gateway/index.ts', { ...urlEnv, CONSOLE_SUBJECTS: JSON.stringify(consoleSubjects(1, 200)) });
  for (const child of children) {
    const instance = instances.get(child);
    // an instance that stops costs only its province's part (the router says so, and /health): the rest runs on
    child.on('exit', (code) =>
      instance
        ? process.stderr.write(`npm start: instance ${instance} stopped (exit code ${code ?? 'signal'}); its province's part is unavailable\n`)
        : stopAll(1),
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const partitioned =
    table.size > 0
      ? ` (${[...table.keys()].join(', ')} partitioned: ${instanceCount} instances, from ${process.env.GOVGRAPH_JURISDICTIONS || DEFAULT_TABLE})`
      : '';
  process.stdout.write(
    `\ngovgraph is up in ${seconds}s: ${DEPARTMENTS.length} departments behind one endpoint${partitioned}\n  GraphQL: ${gateway}\n  Console: ${gateway.replace(/graphql$/, 'console')}\n  Ready:   ${gateway.replace(/graphql$/, 'ready')}\n  Health:  ${gateway.replace(/graphql$/, 'health')} (every department and instance)\nPress Ctrl-C to stop.\n`,
  );
  process.send?.({ type: 'ready', url: gateway });
} catch (error) {
  // the child has already printed why (a taken port, a bad database URL); say what to do
  process.stderr.write(`npm start: ${(error as Error).message}. Nothing is left running.\n`);
  stopAll(1);
}
