// npm run migrations -- [department …] [--name <what-changed>] [--check]
// Writes the next migration step of each department whose entities moved past its committed schema
// snapshot (subgraphs/<name>/migrations/NNN-<what-changed>.json, SQL for SQLite and PostgreSQL), or,
// with --check, only says which departments need one and fails if any does.
import { parseArgs } from 'node:util';
import { databaseEntities } from '../platform/department.js';
import { DEPARTMENTS, loadDepartment } from '../platform/departments.js';
import { generate, upToDate } from '../schema/tools/migrations.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string', default: 'schema' }, check: { type: 'boolean', default: false } },
});
const known = new Set(DEPARTMENTS.map((d) => d.name));
const unknown = positionals.filter((n) => !known.has(n));
if (unknown.length > 0) {
  process.stderr.write(`no department named ${unknown.join(', ')}; departments: ${[...known].join(', ')}\n`);
  process.exit(2);
}

let stale = 0;
for (const name of positionals.length > 0 ? positionals : [...known]) {
  const entities = databaseEntities(await loadDepartment(name));
  const dir = `subgraphs/${name}/migrations`;
  if (values.check) {
    if (!(await upToDate(entities, dir))) {
      stale += 1;
      process.stderr.write(`${name}: its entities changed without a migration; run npm run migrations -- ${name} --name <what-changed>\n`);
    }
    continue;
  }
  const file = await generate(name, entities, dir, values.name);
  process.stdout.write(file ? `${name}: wrote ${file}; review it like code and commit it with the snapshots\n` : `${name}: up to date\n`);
}
process.exit(stale > 0 ? 1 : 0);
