import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sql';
import { Migrator } from '@mikro-orm/migrations';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { bindValues } from './bound-sql.js';
import type { DatabaseTarget } from './config.js';
import { adoptLegacyChain, migrationObject, type GeneratedMigration } from './migrations.js';
import { registerTap, StatementTap } from './sql-counter.js';
import { sqliteDialect } from './sqlite.js';

export interface OpenOptions {
  target: DatabaseTarget;
  entities: EntitySchema<any, any>[];
  /** generated from the entities (platform/migrations.ts) */
  migrations: readonly GeneratedMigration[];
}

/** Opens the database, creating it if needed, and applies pending migrations. */
export async function openDatabase({ target, entities, migrations }: OpenOptions): Promise<MikroORM> {
  const common = {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList: migrations.map(migrationObject), transactional: true, allOrNothing: true, silent: true, snapshot: false },
    // the per-request DataLoaders batch explicitly; MikroORM's own stays off to keep one mechanism
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
  } satisfies Partial<Options>;
  // every statement the connections run, for countSql (sql-counter.ts)
  const tap = new StatementTap();
  let orm: MikroORM;
  if (target.kind === 'sqlite') {
    mkdirSync(dirname(target.file), { recursive: true });
    orm = await MikroORM.init({ ...common, driver: SqliteDriver, dbName: target.file, driverOptions: sqliteDialect(target.file, tap.watch) });
  } else {
    orm = await MikroORM.init({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.url,
      dbName: target.dbName,
      onCreateConnection: tap.watch as (c: unknown) => Promise<void>,
    });
    // creates the database if missing; tables come from the migrations, not from the entities
    await orm.schema.ensureDatabase();
  }
  registerTap(orm, tap);
  bindValues(orm);
  await adoptLegacyChain(orm, migrations);
  await orm.migrator.up();
  return orm;
}
