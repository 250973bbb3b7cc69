import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDepartmentDatabase, startDepartment } from '../platform/department.js';
import { loadDepartment } from '../platform/departments.js';
import { holdsFor } from '../platform/partition/instances.js';
import { checkTable, instanceDatabase } from '../platform/partition/table.js';

/**
 * A province joins with platforms of its own (issue #15, item 6): `npm run province -- join 44` moves
 * Guangdong's records of every partitioned department from the national instance's database to a new
 * one of its own and adds it to the routing table. Nothing is lost, nothing doubled, and nothing left
 * behind; a table that already has it, a code that is no province, or a running platform are refused.
 */
const DEPARTMENTS = ['cases', 'evaluation', 'appeals'] as const;
const TABLES: Record<(typeof DEPARTMENTS)[number], string[]> = {
  cases: ['cases', 'case_event', 'case_certificate_used'],
  evaluation: ['evaluation', 'rectification'],
  appeals: ['appeal'],
};
const dir = mkdtempSync(join(tmpdir(), 'govgraph-join-'));
const tableFile = join(dir, 'jurisdictions.json');
const run = randomBytes(3).toString('hex');
// each instance's own database: a SQLite file under the data dir, or on PostgreSQL a database of this run
const env: NodeJS.ProcessEnv = {
  ...process.env,
  GOVGRAPH_DATA_DIR: dir,
  GOVGRAPH_JURISDICTIONS: tableFile,
  ...Object.fromEntries(
    process.env.TEST_DATABASE_URL
      ? DEPARTMENTS.flatMap((d) =>
          ['11', '44', 'national'].map((tag) => {
            const url = new URL(process.env.TEST_DATABASE_URL!);
            url.pathname = `/t_join_${run}_${d}_${tag}`;
            return [`${d.toUpperCase()}_${tag.toUpperCase()}_DATABASE_URL`, url.toString()];
          }),
        )
      : [],
  ),
};

async function rows(department: string, province: string | null, table: string): Promise<string[]> {
  const orm = await openDepartmentDatabase(await loadDepartment(department), instanceDatabase({ department, province }, env));
  try {
    const key = table === 'case_event' ? "case_id || '#' || seq" : table === 'case_certificate_used' ? "case_id || '#' || material" : 'id';
    const list = (await (orm.em.fork() as SqlEntityManager).execute(`select ${key} as k from ${table} order by 1`)) as { k: string }[];
    return list.map((r) => r.k);
  } finally {
    await orm.close();
  }
}

function province(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/province.ts', ...args], { env: { ...env, ...extra }, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const before: Record<string, string[]> = {};
beforeAll(async () => {
  writeFileSync(tableFile, JSON.stringify(Object.fromEntries(DEPARTMENTS.map((d) => [d, [{ province: '11' }, { province: 'national' }]]))));
  // the platform as npm start seeds it: Beijing's share in its own instance, the rest in the national one
  for (const name of DEPARTMENTS) {
    const department = await loadDepartment(name);
    for (const p of ['11', null]) {
      const orm = await openDepartmentDatabase(department, instanceDatabase({ department: name, province: p }, env));
      await orm.em.fork().transactional((em) => department.seed!(em, { size: 50, seed: 7, holds: holdsFor(p, ['11']) }));
      await orm.close();
    }
    for (const table of TABLES[name]) before[`${name}.${table}`] = await rows(name, null, table);
  }
}, 240_000);
afterAll(() => undefined);

describe('npm run province -- join', () => {
  it('refuses a code that is no province, and a platform that is running, changing nothing', async () => {
    const bad = await province(['join', '99']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"99" is no province code/);
    const running = createServer((_, res) => res.end('{"status":"ok"}'));
    await new Promise<void>((r) => running.listen(0, '127.0.0.1', r));
    const port = String((running.address() as { port: number }).port);
    const busy = await province(['join', '44'], { CASES_PORT: port });
    running.close();
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/answers at cases's port .* stop npm start first/);
    expect(JSON.parse(readFileSync(tableFile, 'utf8')).cases).toEqual([{ province: '11' }, { province: 'national' }]);
  }, 300_000);

  it("moves the province's records of every department to its own database, and routes it there", async () => {
    const joined = await province(['join', '44']);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/Province 44 joined/);
    for (const name of DEPARTMENTS) {
      for (const table of TABLES[name]) {
        const had = before[`${name}.${table}`]!;
        const guangdong = had.filter((k) => k.startsWith('44'));
        const [own, national] = [await rows(name, '44', table), await rows(name, null, table)];
        // every row of the province is in its own database, none is left behind or lost, none doubled
        expect(own, `${name}.${table}`).toEqual(guangdong);
        expect(national, `${name}.${table}`).toEqual(had.filter((k) => !k.startsWith('44')));
        if (table === TABLES[name][0]) expect(guangdong.length, `${name} had records of Guangdong to move`).toBeGreaterThan(0);
      }
    }
    // the table now routes Guangdong to its own instances, and passes the start-up check
    const table = checkTable(JSON.parse(readFileSync(tableFile, 'utf8')), tableFile);
    for (const name of DEPARTMENTS) expect(table.get(name)!.map((i) => i.province)).toEqual(['11', '44', null]);
    // the committed style of the file (prettier's), so a joined table does not fail the lint
    expect(readFileSync(tableFile, 'utf8')).toMatch(/^ {2}"cases": \[\{ "province": "11" \}, \{ "province": "44" \}, \{ "province": "national" \}\],$/m);
  }, 300_000);

  it('refuses to join a province twice', async () => {
    const again = await province(['join', '44']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/province 44 already runs its own cases/);
  }, 300_000);

  it("starts a joined province's instance over its database without seeding it again, one without records too", async () => {
    // Tianjin (12) holds no sample record: its database gets the reference tables and nothing else
    const empty = await province(['join', '12', '--departments', 'cases']);
    expect(empty.code, empty.stderr).toBe(0);
    for (const p of ['12', '44']) {
      const target = instanceDatabase({ department: 'cases', province: p }, env);
      const before = await rows('cases', p, 'cases');
      // what npm start does with it: a second seed would insert the implementations again (UNIQUE) or the share twice
      const running = await startDepartment(await loadDepartment('cases'), {
        port: 0,
        target,
        seed: { size: 50, seed: 7 },
        holds: holdsFor(p, ['11', '12', '44']),
        audience: `cases@${p}`,
        auditIngestUrl: 'http://127.0.0.1:9/ingest',
        auditIntervalMs: 3_600_000,
      });
      await running.close();
      expect(await rows('cases', p, 'cases'), p).toEqual(before);
    }
  }, 300_000);
});
