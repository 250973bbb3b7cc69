import { forkChild } from '../processes.js';
import { readdirSync, mkdirSync } from 'node:fs';
const dir = '/tmp/bs/prof'; mkdirSync(dir, { recursive: true });
for (const entry of ['gateway/index.ts', 'bench/hive/server.ts', 'bench/department.ts']) {
  const c = await forkChild({ name: 'x', entry, execArgv: ['--cpu-prof', '--cpu-prof-dir', dir], env: { GATEWAY_PORT: '0', GOVGRAPH_KEYS_DIR: '/tmp/bs/keys', BENCH_SUBGRAPH_URLS: '{"regions":"http://127.0.0.1:9/graphql"}', BENCH_DEPARTMENT: 'regions', GOVGRAPH_DATA_DIR: '/tmp/bs/d50' } });
  const t = Date.now();
  await c.stop();
  console.log(entry, 'stopped in', Date.now() - t, 'ms', c.process.exitCode, c.process.signalCode, readdirSync(dir).length);
}
