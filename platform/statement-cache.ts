/** What the cache needs of a connection: something that prepares statements. */
export interface PreparingConnection<S = unknown> {
  prepare(sql: string): S;
}

/**
 * Makes `conn.prepare` answer from a bounded LRU of statements keyed by SQL text: Kysely's SQLite
 * driver prepares every query anew, and compiling the SQL was a measurable part of each request
 * while the same few statements run again and again. It pays off for SQL with bound values
 * (bound-sql.ts: em.find, rows.ts findIn, BEGIN/COMMIT, the outbox).
 *
 * Safe for how Kysely uses a statement (sqlite.ts): `all` or `run`, each of which resets it and
 * clears its bindings when done, even on error; no iterator is ever left open on one. SQLite
 * re-prepares a statement by itself after a schema change. Returns the connection, changed in place.
 */
export function cacheStatements<C extends PreparingConnection>(conn: C, capacity = 256): C {
  type S = ReturnType<C['prepare']>;
  const prepare = conn.prepare.bind(conn) as (sql: string) => S;
  const cache = new Map<string, S>();
  conn.prepare = (sql: string): S => {
    const cached = cache.get(sql);
    if (cached) {
      // re-inserting keeps the Map in least-recently-used order
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return conn;
}
