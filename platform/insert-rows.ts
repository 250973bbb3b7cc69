import type { EntityManager, EntitySchema } from '@mikro-orm/core';

/**
 * The most values one statement may bind: SQLite's ceiling (SQLITE_MAX_VARIABLE_NUMBER, 32766
 * since 3.32); PostgreSQL's (65535) is higher, so this one bounds both.
 */
export const MAX_BOUND_VALUES = 32_766;

/**
 * em.insertMany, split into as many statements as the bound-value ceiling needs. Values are bound,
 * never inlined (platform/bound-sql.ts), so a seed's chunk, sized for memory, could otherwise
 * pass the ceiling: 5,000 enterprises of 10 columns did ("too many SQL variables").
 */
export async function insertRows<T extends object>(em: EntityManager, entity: EntitySchema<T, any>, rows: readonly T[]): Promise<void> {
  // every property, a column or not, is an upper bound on the values one row binds
  const columns = Math.max(1, em.getMetadata().get(entity).props.length);
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / columns));
  for (let i = 0; i < rows.length; i += perStatement) await em.insertMany(entity, rows.slice(i, i + perStatement) as T[]);
}

/**
 * Inserts the rows a seed's generator yields, `chunk` rows at a time (each through insertRows), so
 * a large sample never sits in memory whole: plain rows, no entity instances, no unit of work.
 */
export async function insertInChunks<T extends object>(em: EntityManager, entity: EntitySchema<T, any>, rows: Iterable<T>, chunk = 2_000): Promise<void> {
  let pending: T[] = [];
  for (const row of rows) {
    pending.push(row);
    if (pending.length === chunk) {
      await insertRows(em, entity, pending);
      pending = [];
    }
  }
  if (pending.length > 0) await insertRows(em, entity, pending);
}
