import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, type EntitySchema } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DatabaseSchema, SqliteDriver, type EntityManager } from '@mikro-orm/sql';
import { MIGRATION_FILE, readMigrations, type GeneratedMigration } from '../../platform/migrations.js';
import { sqliteDialect } from '../../platform/sqlite.js';

/**
 * Migrations generated from the entity definitions, for both databases at once. Each department's
 * folder keeps, beside its steps, a snapshot of the schema the steps leave (one per database, in
 * MikroORM's own snapshot format): the next step is the difference between the entities and that
 * snapshot, computed without a database, so a team without PostgreSQL at hand still writes its SQL.
 */
export const DIALECTS = ['sqlite', 'postgresql'] as const;
export type Dialect = (typeof DIALECTS)[number];

const snapshotName = (dialect: Dialect) => `snapshot.${dialect}`;

/** Exposes the migrator's own snapshot reader and writer (protected in MikroORM). */
class SnapshotMigrator extends Migrator {
  read(): Promise<DatabaseSchema | undefined> {
    return this.getSchemaFromSnapshot();
  }
  write(): Promise<void> {
    return this.storeCurrentSchema();
  }
}

/** MikroORM for a dialect, never connected: metadata, the target schema and SQL only. */
async function offline(dialect: Dialect, entities: EntitySchema<any, any>[], dir: string): Promise<MikroORM> {
  const common = {
    entities,
    connect: false,
    discovery: { warnWhenNoEntities: false },
    migrations: { path: dir, snapshot: true, snapshotName: snapshotName(dialect) },
  };
  return dialect === 'sqlite'
    ? MikroORM.init({ ...common, driver: SqliteDriver, dbName: ':memory:', driverOptions: sqliteDialect(':memory:', async () => {}) })
    : MikroORM.init({ ...common, driver: PostgreSqlDriver, dbName: 'govgraph' });
}

/** `a;\nb;` → ['a;', 'b;'], keeping statements whole (MikroORM ends each with ";\n"). */
function statements(sql: string): string[] {
  return sql
    .split(/;\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.endsWith(';') ? s : `${s};`));
}

export interface Plan {
  sqlite: string[];
  postgresql: string[];
  /** writes the snapshots of the schema after this step */
  commit(): Promise<void>;
  close(): Promise<void>;
}

/** What the next step must do to bring the schema in `dir`'s snapshots to the entities; empty when nothing. */
export async function plan(entities: EntitySchema<any, any>[], dir: string): Promise<Plan> {
  const orms = await Promise.all(DIALECTS.map((d) => offline(d, entities, dir)));
  const migrators = orms.map((orm) => new SnapshotMigrator(orm.em as EntityManager));
  const sql = await Promise.all(
    orms.map(async (orm, i) => {
      // no snapshot yet: the first step starts from an empty database
      const platform = (orm.em as EntityManager).getPlatform();
      const fromSchema = (await migrators[i]!.read()) ?? new DatabaseSchema(platform, orm.config.get('schema') ?? platform.getDefaultSchemaName());
      const diff = await orm.schema.getUpdateSchemaMigrationSQL({ wrap: false, safe: false, dropTables: true, fromSchema });
      return statements(diff.up);
    }),
  );
  return {
    sqlite: sql[0]!,
    postgresql: sql[1]!,
    commit: async () => {
      for (const m of migrators) await m.write();
    },
    close: async () => {
      await Promise.all(orms.map((orm) => orm.close()));
    },
  };
}

/** The next number in a migrations folder: 001 for the first step. */
function nextNumber(dir: string): string {
  const last = readMigrations(dir).length;
  return String(last + 1).padStart(3, '0');
}

/**
 * Writes the next step of `owner`'s migrations into `dir` when the entities moved past the snapshot,
 * and the new snapshots with it. Returns the file written, or null when the schema is up to date.
 */
export async function generate(owner: string, entities: EntitySchema<any, any>[], dir: string, slug: string): Promise<string | null> {
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error(`a step's name is lower-case words joined by "-", not "${slug}"`);
  const next = await plan(entities, dir);
  try {
    if (next.sqlite.length === 0 && next.postgresql.length === 0) return null;
    mkdirSync(dir, { recursive: true });
    const number = nextNumber(dir);
    const file = join(dir, `${number}-${slug}.json`);
    if (!MIGRATION_FILE.test(`${number}-${slug}.json`)) throw new Error(`bad migration file name ${file}`);
    const step: GeneratedMigration = { name: `${owner}-${number}-${slug}`, sqlite: next.sqlite, postgresql: next.postgresql };
    writeFileSync(file, `${JSON.stringify(step, null, 2)}\n`);
    await next.commit();
    return file;
  } finally {
    await next.close();
  }
}

/** Whether the snapshots in `dir` exist and hold the entities' schema: false means a step is missing. */
export async function upToDate(entities: EntitySchema<any, any>[], dir: string): Promise<boolean> {
  if (!DIALECTS.every((d) => existsSync(join(dir, `${snapshotName(d)}.json`)))) return false;
  const next = await plan(entities, dir);
  await next.close();
  return next.sqlite.length === 0 && next.postgresql.length === 0;
}

/** A snapshot as committed (for tests that compare it with a real database). */
export function readSnapshot(dir: string, dialect: Dialect): unknown {
  return JSON.parse(readFileSync(join(dir, `${snapshotName(dialect)}.json`), 'utf8'));
}

/**
 * The one step that creates `entities` from nothing, without a folder: for tests whose tables exist
 * only for the test.
 */
export async function migrationsFor(owner: string, entities: EntitySchema<any, any>[]): Promise<GeneratedMigration[]> {
  const next = await plan(entities, join(tmpdir(), `govgraph-no-snapshot-${process.pid}`));
  await next.close();
  return [{ name: `${owner}-001-test`, sqlite: next.sqlite, postgresql: next.postgresql }];
}
