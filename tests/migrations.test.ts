import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { describe, expect, it } from 'vitest';
import { databaseEntities, openDepartmentDatabase } from '../platform/department.js';
import { DEPARTMENTS, loadDepartment } from '../platform/departments.js';
import { LEGACY_CHAINS } from '../platform/legacy-migrations.js';
import { testDatabase } from '../platform/testing.js';
import { upToDate } from '../schema/tools/migrations.js';

/**
 * Each table is written once, as an entity; the migrations are generated from the entities and
 * committed (npm run migrations). These checks keep the three in step: the committed snapshots hold
 * the entities' schema (else a step is missing), and a database built by the committed steps is the
 * entities' schema exactly, as MikroORM compares them on the real database (SQLite here, PostgreSQL
 * when TEST_DATABASE_URL is set).
 */
describe.each(DEPARTMENTS.map((d) => d.name))('%s migrations', (name) => {
  it('are up to date with the entities (else: npm run migrations -- <department> --name <what-changed>)', async () => {
    const department = await loadDepartment(name);
    expect(await upToDate(databaseEntities(department), `subgraphs/${name}/migrations`)).toBe(true);
  });

  it('build a database that is the entities, with nothing left to change', async () => {
    const orm = await openDepartmentDatabase(await loadDepartment(name), testDatabase(`migrated_${name}`));
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close();
    }
  });
});

describe('databases made by govgraph 0.1 (hand-written migrations)', () => {
  const executed = async (em: SqlEntityManager) =>
    ((await em.execute('select name from mikro_orm_migrations order by id')) as { name: string }[]).map((r) => r.name);

  /** A database as 0.1 left it: the same tables (checked equal when the steps were generated), the old names recorded. */
  async function legacyDatabase(name: string, recorded: readonly string[]) {
    const department = await loadDepartment(name);
    const target = testDatabase(`legacy_${name}`);
    // the tables of the initial step only: what the old chain left, before any step generated since
    // (and no prepare, which may need those later tables: it runs after every step)
    const orm = await openDepartmentDatabase({ ...department, migrations: department.migrations.slice(0, 1), prepare: undefined }, target);
    const em = orm.em.fork() as SqlEntityManager;
    await em.execute(`delete from mikro_orm_migrations`);
    for (const step of recorded) await em.execute('insert into mikro_orm_migrations (name, executed_at) values (?, ?)', [step, new Date().toISOString()]);
    await orm.close();
    return { department, target };
  }

  it('records the initial step as run instead of running it again, for every department of 0.1', async () => {
    // a department added since has no old chain to adopt
    expect(Object.keys(LEGACY_CHAINS)).toHaveLength(9);
    for (const [step, legacy] of Object.entries(LEGACY_CHAINS)) {
      const name = step.replace(/-001-initial$/, '');
      const { department, target } = await legacyDatabase(name, legacy);
      // running the step again would fail: its tables exist; the steps generated after it run as usual
      const orm = await openDepartmentDatabase(department, target);
      expect(department.migrations[0]?.name).toBe(step);
      expect(await executed(orm.em.fork() as SqlEntityManager)).toEqual([...legacy, ...department.migrations.map((m) => m.name)]);
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
      await orm.close();
    }
  });

  it('refuses a database that stopped part-way through the old chain, saying what to do, and changes nothing', async () => {
    const partial = LEGACY_CHAINS['cases-001-initial']!.slice(0, 2);
    const { department, target } = await legacyDatabase('cases', partial);
    await expect(openDepartmentDatabase(department, target)).rejects.toThrow(/stopped part-way .*missing cases-certificates-used.*re-create it/);
    const orm = await openDepartmentDatabase({ ...department, migrations: [] }, target);
    expect(await executed(orm.em.fork() as SqlEntityManager)).toEqual(partial);
    await orm.close();
  });
});
