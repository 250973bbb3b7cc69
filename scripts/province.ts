// npm run province -- join <province> [--departments cases,evaluation,appeals]
// A province joins with platforms of its own: for each partitioned department of the routing table
// (GOVGRAPH_JURISDICTIONS, default config/jurisdictions.json) it creates the province's database,
// migrates it, gives it the department's reference data, moves the province's records there from the
// national instance (platform/partition/handover.ts), and adds the province to the routing table. The
// next npm start runs it. The platform is stopped meanwhile: a record written during the move would
// stay behind in the national instance.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDepartmentDatabase } from '../platform/department.js';
import { departmentPort, loadDepartment } from '../platform/departments.js';
import { PROVINCE_CODES } from '../platform/identifiers/jurisdiction.js';
import { handOver } from '../platform/partition/handover.js';
import { DEFAULT_TABLE, instanceDatabase, readTable, RoutingTableError } from '../platform/partition/table.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { departments: { type: 'string' } } });
const [verb, province = ''] = positionals;

function fail(message: string): never {
  process.stderr.write(`npm run province: ${message}\n`);
  process.exit(1);
}

if (verb !== 'join') fail('usage: npm run province -- join <province code, e.g. 44> [--departments cases,evaluation,appeals]');
if (!PROVINCE_CODES.has(province)) fail(`"${province.slice(0, 20)}" is no province code (two digits of GB/T 2260, e.g. 44)`);

let table;
try {
  table = readTable();
} catch (error) {
  if (error instanceof RoutingTableError) fail(error.message);
  throw error;
}
const file = resolve(process.env.GOVGRAPH_JURISDICTIONS || DEFAULT_TABLE);
const departments = values.departments?.split(',') ?? [...table.keys()];
for (const name of departments) {
  const instances = table.get(name);
  if (!instances) fail(`${name} is not in the routing table ${file}: only its partitioned departments run per province`);
  if (instances.some((i) => i.province === province)) fail(`province ${province} already runs its own ${name} (${name}@${province} in ${file})`);
  if (instances.find((i) => i.province === null)?.url) fail(`${name}'s national instance runs on another host: move the records there, not from here`);
}

// the platform must be stopped: ask each department's address whether anything answers there
for (const name of departments) {
  const port = departmentPort(name);
  const answering = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  );
  if (answering) fail(`something answers at ${name}'s port ${port}: stop npm start first (records written during the move would stay behind)`);
}

const rows: string[] = [];
for (const name of departments) {
  const department = await loadDepartment(name);
  const national = await openDepartmentDatabase(department, instanceDatabase({ department: name, province: null }));
  const own = await openDepartmentDatabase(department, instanceDatabase({ department: name, province }));
  try {
    const { moved } = await handOver(department, national, own, province);
    rows.push(
      `  ${name}@${province}: ${Object.entries(moved)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}`,
    );
  } finally {
    await own.close();
    await national.close();
  }
}

// the routing table last: until the records moved, the national instance still holds the province
const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { province: string }[]>;
for (const name of departments) {
  const list = raw[name]!;
  const at = list.findIndex((e) => e.province === 'national' || e.province > province);
  list.splice(at < 0 ? list.length : at, 0, { province });
}
const lines = Object.entries(raw).map(
  ([name, list]) =>
    `  ${JSON.stringify(name)}: [${list.map((e) => JSON.stringify(e).replace(/^\{/, '{ ').replace(/\}$/, ' }').replaceAll('":', '": ')).join(', ')}]`,
);
writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
process.stdout.write(
  `Province ${province} joined; its records moved from the national instances:\n${rows.join('\n')}\nRouting table: ${file}. Run npm start.\n`,
);
process.exit(0); // a pooled PostgreSQL connection may outlive orm.close(); the work is done
