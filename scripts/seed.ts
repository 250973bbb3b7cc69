// npm run seed -- --size 1000000 [--seed 1] [--only population,market]
// Rebuilds departments' databases (from the same environment as npm start) with
// sample data of the given size (number of people), and reports time and memory.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { departmentConfig } from '../platform/config.js';
import { openDepartmentDatabase } from '../platform/department.js';
import { DEPARTMENTS, loadDepartment } from '../platform/departments.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, only: { type: 'string' } } });
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size < 1) throw new Error('--size must be a positive integer (number of people)');
const only = values.only?.split(',');

const rows: string[] = [];
for (const { name } of DEPARTMENTS) {
  if (only && !only.includes(name)) continue;
  const department = await loadDepartment(name);
  const target = departmentConfig(name).database;
  if (target.kind === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
  const orm = await openDepartmentDatabase(department, target);
  if (target.kind === 'postgres') {
    // start from empty tables on PostgreSQL too
    for (const entity of department.entities) await orm.em.fork().nativeDelete(entity, {});
  }
  const started = performance.now();
  await orm.em.fork().transactional((em) => department.seed?.(em, { size, seed }) ?? Promise.resolve());
  const seconds = (performance.now() - started) / 1000;
  const counts = await Promise.all(department.entities.map(async (e) => `${e.meta.className} ${await orm.em.fork().count(e, {})}`));
  await orm.close();
  rows.push(`| ${name} | ${seconds.toFixed(1)} s | ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB | ${counts.join(', ')} |`);
  process.stdout.write(`${rows.at(-1)}\n`);
}
process.stdout.write(`\nSeeded ${size} people (seed ${seed}):\n| department | time | peak RSS so far | rows |\n|---|---|---|---|\n${rows.join('\n')}\n`);
process.exit(0); // a pooled PostgreSQL connection may outlive orm.close(); the work is done
