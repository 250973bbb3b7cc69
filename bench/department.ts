// One department as its own process, exactly as subgraphs/<name>/index.ts runs it (platform/main.ts
// runDepartment → startDepartment), plus what the bench needs and the kit does not expose over
// HTTP yet: the SQL counter, read over IPC ({type:'sql'} → {type:'sql', count}).
// Env: BENCH_DEPARTMENT (name), BENCH_PORT (default 0: any), BENCH_SIZE, BENCH_SEED (sample data when the database is empty),
// GOVGRAPH_DATA_DIR, GOVGRAPH_KEYS_DIR, AUDIT_INGEST_URL, AUDIT_RECORDING.
import { startDepartment } from '../platform/department.js';
import { loadDepartment } from '../platform/departments.js';
import { runMain } from '../platform/main.js';

const name = process.env.BENCH_DEPARTMENT;
if (!name) throw new Error('BENCH_DEPARTMENT is not set');
const size = Number(process.env.BENCH_SIZE ?? '200');
const seed = Number(process.env.BENCH_SEED ?? '1');
const department = await loadDepartment(name);

await runMain(name, async () => {
  const running = await startDepartment(department, { port: Number(process.env.BENCH_PORT ?? '0'), host: '127.0.0.1', seed: { size, seed } });
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message.type === 'sql') process.send?.({ type: 'sql', id: message.id, count: running.sql.count });
  });
  return running;
});
