import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';

/**
 * Runs a bulk load with the table's secondary indexes (those its entity declares) dropped, and builds
 * them again after it, in em's transaction: one sorted build per index is many times faster than
 * keeping several B-trees up to date over millions of random inserts, and a failed load's rollback
 * restores them. The names and columns are the entity's, so the indexes come back exactly as the
 * migrations made them.
 */
export async function withIndexesDeferred<T>(em: EntityManager, entity: EntitySchema<any, any>, load: () => Promise<T>): Promise<T> {
  const sql = em as SqlEntityManager;
  const meta = sql.getMetadata().get(entity.meta.class ?? entity.meta.className);
  const naming = sql.config.getNamingStrategy();
  const quote = (name: string) => sql.getPlatform().quoteIdentifier(name);
  const indexes = meta.indexes.map((index) => {
    const columns = [index.properties ?? []].flat().flatMap((property) => meta.properties[property as string]!.fieldNames);
    const name = index.name ?? naming.indexName(meta.tableName, columns, 'index');
    // an expression index is declared as its whole statement, the same for both databases
    const create =
      typeof index.expression === 'string' ? index.expression : `create index ${quote(name)} on ${quote(meta.tableName)} (${columns.map(quote).join(', ')})`;
    return { name, create };
  });
  for (const { name } of indexes) await sql.execute(`drop index ${quote(name)}`);
  const result = await load();
  for (const { create } of indexes) await sql.execute(create);
  return result;
}
