// npm start: every department as its own process, then the gateway over them.
// Ctrl-C stops everything. Ports come from <NAME>_PORT / GATEWAY_PORT (0 = any free port).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { INGEST_PATH } from '../platform/audit/record.js';
import { DEPARTMENTS } from '../platform/departments.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
const started = Date.now();

function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = fork(`${root}/${entry}`, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
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

try {
  // audit first: every other department delivers its access records there
  const auditUrl = await startProcess('audit', 'subgraphs/audit/index.ts');
  const others = DEPARTMENTS.filter((d) => d.name !== 'audit');
  const urls = await Promise.all(
    others.map((d) => startProcess(d.name, `subgraphs/${d.name}/index.ts`, { AUDIT_INGEST_URL: auditUrl.replace(/\/graphql$/, INGEST_PATH) })),
  );
  const urlEnv = Object.fromEntries([...others.map((d, i) => [`${d.name.toUpperCase()}_URL`, urls[i]]), ['AUDIT_URL', auditUrl]]);
  const gateway = await startProcess('gateway', 'gateway/index.ts', urlEnv);
  for (const child of children) child.on('exit', () => stopAll(1));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\ngovgraph is up in ${seconds}s: ${DEPARTMENTS.length} departments behind one endpoint\n  GraphQL: ${gateway}\n  Health:  ${gateway.replace(/graphql$/, 'ready')}\nPress Ctrl-C to stop.\n`,
  );
  process.send?.({ type: 'ready', url: gateway });
} catch (error) {
  // the child has already printed why (a taken port, a bad database URL); say what to do
  process.stderr.write(`npm start: ${(error as Error).message}. Nothing is left running.\n`);
  stopAll(1);
}
