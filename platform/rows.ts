import type { EntityManager, EntityMetadata, EntitySchema } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager as SqlEntityManager } from '@mikro-orm/sql';

export interface FindInOptions<T> {
  /** more equality conditions, ANDed */
  where?: Partial<Record<keyof T & string, string>>;
  orderBy?: Partial<Record<keyof T & string, 'asc' | 'desc'>>;
}

/**
 * The records of `entity` whose `property` is one of `keys`: what
 * `em.find(entity, { [property]: { $in: keys }, ...where }, { orderBy })` returns, as plain
 * read-only objects, for the per-request DataLoaders.
 *
 * em.find builds its SQL anew for every call and makes each row a managed entity with
 * change-tracking accessors; loaders only read. Here the SQL of each shape (property, number of keys,
 * conditions, order) is built once, the values are bound, and rows go through the ORM's own
 * column-to-property mapping. An entity with a custom-typed or relation property (JSON, double...)
 * is left to em.find, whose hydration converts those values; so is a batch of more than
 * MAX_BOUND_KEYS keys.
 */
export async function findIn<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  property: keyof T & string,
  keys: readonly string[],
  options: FindInOptions<T> = {},
): Promise<T[]> {
  const meta = em.getMetadata().get<T>(entity);
  if (!plain(meta) || keys.length > MAX_BOUND_KEYS) {
    const where = { $and: [{ [property]: { $in: [...keys] } }, options.where ?? {}] };
    return (await em.find(entity, where as never, { orderBy: options.orderBy as never })) as T[];
  }
  if (keys.length === 0) return [];
  const sqlEm = em as SqlEntityManager;
  const where = Object.entries(options.where ?? {}) as [string, string][];
  const shape = `${meta.className}|${property}|${keys.length}|${where.map(([p]) => p).join(',')}|${JSON.stringify(options.orderBy ?? {})}`;
  const platform = sqlEm.getPlatform();
  let sql = statements.get(platform)?.get(shape);
  if (sql === undefined) {
    const q = (name: string) => platform.quoteIdentifier(meta.props.find((p) => p.name === name)!.fieldNames[0]!);
    // only 'asc' or 'desc' reaches the SQL text
    const order = (Object.entries(options.orderBy ?? {}) as [string, 'asc' | 'desc'][]).map(([p, direction]) => `${q(p)} ${direction}`);
    sql =
      `select * from ${platform.quoteIdentifier(meta.tableName)} where ${q(property)} in (${keys.map(() => '?').join(', ')})` +
      where.map(([p]) => ` and ${q(p)} = ?`).join('') +
      (order.length > 0 ? ` order by ${order.join(', ')}` : '');
    if (!statements.has(platform)) statements.set(platform, new Map());
    statements.get(platform)!.set(shape, sql);
  }
  // values in the order the SQL holds them: the keys, then the conditions; em.execute binds them
  // (bound-sql.ts) and joins em's transaction, if any
  const rows: Record<string, unknown>[] = await sqlEm.execute(sql, [...keys, ...where.map(([, value]) => value)]);
  const driver = sqlEm.getDriver() as AbstractSqlDriver;
  return rows.map((row) => driver.mapResult(row as never, meta) as T);
}

/** Bound values have a ceiling (SQLite 32766, PostgreSQL 65535) that em.find's inlined values do not. */
const MAX_BOUND_KEYS = 10_000;

/** SQL text per database (its dialect quotes differently) and query shape: a handful each, built on first use. */
const statements = new WeakMap<object, Map<string, string>>();

const mappable = new WeakMap<EntityMetadata<any>, boolean>();

/** True when every property is a plain scalar column the driver's mapping alone gets right. */
function plain(meta: EntityMetadata<any>): boolean {
  let known = mappable.get(meta);
  if (known === undefined) {
    known = meta.props.every((p) => p.kind === 'scalar' && !p.customType && p.fieldNames.length === 1 && p.persist !== false);
    mappable.set(meta, known);
  }
  return known;
}
