import { isRaw, raw, type MikroORM } from '@mikro-orm/core';
import { NativeQueryBuilder, SqlitePlatform, type AbstractSqlConnection, type AbstractSqlDriver, type AbstractSqlPlatform } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';

/**
 * MikroORM (6 and 7 alike) inlines every value into the SQL text before it runs it
 * (Platform.formatQuery): a caller's text became part of a statement, so a NUL byte ended it
 * early ("unrecognized token") and no statement with values could be prepared once. This makes a
 * connection send the SQL it built with the values bound instead: the text of a statement never
 * holds a value a caller sent, on SQLite and PostgreSQL alike.
 */
export function bindValues(orm: MikroORM): void {
  const driver = orm.em.getDriver() as AbstractSqlDriver;
  for (const type of ['write', 'read'] as const) patch(driver.getConnection(type), driver.getPlatform());
}

/** The SQL with a placeholder per value, and the values to bind, in order. */
export interface BoundSql {
  sql: string;
  parameters: unknown[];
}

/**
 * Reads `sql` as Platform.formatQuery does (`?` a value, `??` an identifier, `\?` a literal
 * question mark) but leaves each value a placeholder (`?` on SQLite, `$n` on PostgreSQL).
 * Text, numbers, null and bytes are bound. Booleans become 1/0 on SQLite (node:sqlite has no
 * boolean). Anything else (dates, arrays, objects: never a caller's raw text, which reaches
 * the SQL as a string) is written in as the ORM itself writes it.
 */
export function bindSql(platform: AbstractSqlPlatform, sql: string, params: readonly unknown[]): BoundSql {
  if (params.length === 0) return { sql, parameters: [] };
  const numbered = !(platform instanceof SqlitePlatform);
  const parameters: unknown[] = [];
  let out = '';
  let from = 0;
  let j = 0;
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', from)) {
    if (at > 0 && sql[at - 1] === '\\') {
      out += sql.slice(from, at - 1) + '?';
      from = at + 1;
    } else if (sql[at + 1] === '?') {
      out += sql.slice(from, at) + platform.quoteIdentifier(params[j++] as string);
      from = at + 2;
    } else {
      const value = params[j++];
      out += sql.slice(from, at);
      if (
        value === undefined ||
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'bigint' ||
        value instanceof Uint8Array
      ) {
        parameters.push(value ?? null);
        out += numbered ? `$${parameters.length}` : '?';
      } else if (typeof value === 'boolean') {
        parameters.push(numbered ? value : Number(value));
        out += numbered ? `$${parameters.length}` : '?';
      } else {
        out += platform.quoteValue(value);
      }
      from = at + 1;
    }
  }
  return { sql: out + sql.slice(from), parameters };
}

interface Internals {
  ensureConnection(): Promise<void>;
  config: { get(key: 'onQuery'): (sql: string, params: readonly unknown[]) => string };
  getSql(query: string, formatted: string, context?: unknown): string;
  executeQuery<T>(sql: string, run: () => Promise<T>, context?: unknown): Promise<T>;
  transformRawResult<T>(res: unknown, method: 'all' | 'get' | 'run'): T;
  getClient(): Executor;
}

interface Executor {
  executeQuery(query: CompiledQuery, abort?: object): Promise<unknown>;
}

const patched = new WeakSet<object>();

function patch(connection: AbstractSqlConnection, platform: AbstractSqlPlatform): void {
  if (patched.has(connection)) return;
  patched.add(connection);
  const self = connection as unknown as Internals;
  connection.execute = async function execute(
    query: string | NativeQueryBuilder | { sql: string; params: unknown[] },
    params: readonly unknown[] | Record<string, unknown> = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Executor,
    loggerContext?: { signal?: AbortSignal; inflightQueryAbortStrategy?: unknown } & Record<string, unknown>,
  ) {
    await self.ensureConnection();
    // the forms AbstractSqlConnection.prepareQuery accepts
    if (query instanceof NativeQueryBuilder) query = query.toRaw();
    if (typeof query === 'string' && !Array.isArray(params)) query = raw(query, params);
    if (isRaw(query)) {
      params = query.params;
      query = query.sql;
    }
    const values = params as readonly unknown[];
    const sql = self.config.get('onQuery')(query as string, values);
    const bound = bindSql(platform, sql, values);
    // abort options ride on the logger context (SqlEntityManager.execute); the logger gets the rest
    const { signal, inflightQueryAbortStrategy, ...context } = loggerContext ?? {};
    const abort = signal != null || inflightQueryAbortStrategy != null ? { signal, inflightQueryAbortStrategy } : undefined;
    const logged = self.getSql(bound.sql, bound.sql, context);
    return self.executeQuery(
      logged,
      async () => self.transformRawResult(await (ctx ?? self.getClient()).executeQuery(CompiledQuery.raw(bound.sql, bound.parameters), abort), method),
      { query: sql, params: values, ...context },
    );
  } as AbstractSqlConnection['execute'];
}
