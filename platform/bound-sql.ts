import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection, AbstractSqlDriver, Knex } from '@mikro-orm/knex';

/**
 * MikroORM's SQL connection inlines every value into the SQL text before it
 * runs it (Platform.formatQuery): a caller's text became part of a statement,
 * so a NUL byte ended it early ("unrecognized token") and no statement with
 * values could be prepared once. This makes a connection run the SQL it built
 * with the values bound instead, as knex would: the text of a statement never
 * holds a value a caller sent, on SQLite and PostgreSQL alike. Dates and
 * booleans are bound as the drivers bind them (SQLite: epoch ms and 0/1, which
 * is also what the inlined form was).
 */
export function bindValues(orm: MikroORM): void {
  const driver = orm.em.getDriver() as AbstractSqlDriver;
  for (const type of ['write', 'read'] as const) patch(driver.getConnection(type));
}

interface Internals {
  ensureConnection(): Promise<void>;
  config: { get(key: 'onQuery'): (sql: string, params: readonly unknown[]) => string };
  getSql(query: string, formatted: string, context?: unknown): string;
  executeQuery<T>(sql: string, run: () => Promise<T>, context?: unknown): Promise<T>;
  transformRawResult<T>(res: unknown, method: 'all' | 'get' | 'run'): T;
  getKnex(): Knex;
}

type KnexLike = { toSQL(): { sql: string; bindings?: readonly unknown[] }; client: { transacting?: boolean } };

const patched = new WeakSet<object>();

function patch(connection: AbstractSqlConnection): void {
  if (patched.has(connection)) return;
  patched.add(connection);
  const self = connection as unknown as Internals;
  connection.execute = async function execute(
    queryOrKnex: string | KnexLike,
    params: readonly unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: unknown,
    loggerContext?: object,
  ) {
    await self.ensureConnection();
    let sql: string;
    if (typeof queryOrKnex === 'object' && queryOrKnex !== null) {
      ctx ??= queryOrKnex.client.transacting ? queryOrKnex : null;
      const built = queryOrKnex.toSQL();
      sql = built.sql;
      params = built.bindings ?? [];
    } else {
      sql = queryOrKnex;
    }
    sql = self.config.get('onQuery')(sql, params);
    // the logger shows the statement as it is sent: placeholders, values beside it
    const logged = self.getSql(sql, sql, loggerContext);
    return self.executeQuery(
      logged,
      async () => {
        // no values: the SQL as written (a `?` in a migration's DDL is no placeholder)
        const query = params.length > 0 ? self.getKnex().raw(sql, params as Knex.RawBinding[]) : self.getKnex().raw(sql);
        if (ctx) query.transacting(ctx as Knex.Transaction);
        return self.transformRawResult(await query, method);
      },
      { query: sql, params, ...loggerContext },
    );
  } as AbstractSqlConnection['execute'];
}
