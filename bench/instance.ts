// One instance of a partitioned department as its own process, as `platform/partition/main.ts instance`
// runs it (over its own database, accepting only the router's tokens made for it, holding only its
// jurisdiction's records), plus what the bench needs: its database file and the sample data's size
// and seed (main.ts seeds the default sample), and the SQL counter over IPC like bench/department.ts.
// Env: BENCH_DEPARTMENT, BENCH_INSTANCE_PROVINCE ('44' or 'national'), BENCH_PROVINCES (the provinces
// that run their own instance, comma-separated), BENCH_DATABASE_FILE, BENCH_SIZE, BENCH_SEED,
// BENCH_SEEDED ('1': the database holds its share already), GOVGRAPH_KEYS_DIR, AUDIT_INGEST_URL, AUDIT_RECORDING.
import { startDepartment } from '../platform/department.js';
import { loadDepartment } from '../platform/departments.js';
import { runMain } from '../platform/main.js';
import { holdsFor, instanceName } from '../platform/partition/instances.js';
import { configuredKey } from '../platform/security/keys.js';

const name = process.env.BENCH_DEPARTMENT;
const tag = process.env.BENCH_INSTANCE_PROVINCE;
const file = process.env.BENCH_DATABASE_FILE;
if (!name || !tag || !file) throw new Error('BENCH_DEPARTMENT, BENCH_INSTANCE_PROVINCE and BENCH_DATABASE_FILE must be set');
const province = tag === 'national' ? null : tag;
const provinces = (process.env.BENCH_PROVINCES ?? '').split(',').filter(Boolean);
const instance = instanceName(name, province);

await runMain(instance, async () => {
  const running = await startDepartment(await loadDepartment(name), {
    port: 0,
    host: '127.0.0.1',
    target: { kind: 'sqlite', file },
    // seeded before (bench/partitioned.ts knows): never again. startDepartment seeds when the first
    // table is empty, which an instance of a province without sample cases always is
    seed: process.env.BENCH_SEEDED === '1' ? false : { size: Number(process.env.BENCH_SIZE ?? '200'), seed: Number(process.env.BENCH_SEED ?? '1') },
    verifyKey: await configuredKey('ROUTER_VERIFY_KEY', 'publicJwk', 'router'),
    audience: instance,
    holds: holdsFor(province, provinces),
  });
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message.type === 'sql') process.send?.({ type: 'sql', id: message.id, count: running.sql.count });
  });
  return running;
});
