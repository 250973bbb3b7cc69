/** What the cache needs of a better-sqlite3 statement. */
export interface CachableStatement {
  /** true while an iterator is open on it: such a statement cannot run again yet */
  readonly busy: boolean;
  safeIntegers(on: boolean): unknown;
}

/** What the cache needs of a better-sqlite3 connection. */
export interface PreparingConnection<S extends CachableStatement = CachableStatement> {
  prepare(sql: string): S;
}

/**
 * Makes `conn.prepare` answer from a bounded LRU of statements keyed by SQL text:
 * knex prepares every query anew, and compiling the SQL was a measurable part of each
 * request while the same few statements run again and again. It pays off for SQL with
 * bound values (rows.ts findIn, knex queries, BEGIN/COMMIT, the outbox); em.find inlines
 * its values, so its statements repeat only when the values do.
 *
 * Safe for how knex uses a statement: it only calls `all`/`run` (each resets the
 * statement and clears its bindings when done, even on error) and may set
 * `safeIntegers`, which a hit resets to the connection default (off: nothing here
 * turns it on) so that it does not leak from one query to the next. A statement with
 * an open iterator is never handed out again; SQLite re-prepares a statement by itself
 * after a schema change. Returns the connection, changed in place.
 */
export function cacheStatements<C extends PreparingConnection>(conn: C, capacity = 256): C {
  type S = ReturnType<C['prepare']>;
  const prepare = conn.prepare.bind(conn) as (sql: string) => S;
  const cache = new Map<string, S>();
  conn.prepare = (sql: string): S => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      // re-inserting keeps the Map in least-recently-used order
      cache.delete(sql);
      cache.set(sql, cached);
      cached.safeIntegers(false);
      return cached;
    }
    const statement = prepare(sql);
    cache.delete(sql);
    cache.set(sql, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return conn;
}
