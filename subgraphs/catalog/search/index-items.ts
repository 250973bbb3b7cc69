import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../../platform/insert-rows.js';
import { kysely } from '../../../platform/kysely.js';
import { ServiceItemEntity, ServiceItemTermEntity, type ServiceItem } from '../entities.js';
import { itemTerms } from './words.js';

/** Writes items and their search terms together: the one way items enter the catalog. */
export async function writeItems(em: EntityManager, items: readonly ServiceItem[]): Promise<void> {
  await insertRows(em, ServiceItemEntity, items);
  await insertRows(em, ServiceItemTermEntity, items.flatMap(itemTerms));
}

/**
 * Indexes the items that have no terms (a database from before the index, migrated): run at every
 * start (Department.prepare), it costs one query when nothing is missing.
 */
export async function indexUnindexedItems(em: EntityManager): Promise<void> {
  const missing = await kysely(em)
    .selectFrom('service_item as i')
    .select('i.code')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('service_item_term as t').select('t.item_code').whereRef('t.item_code', '=', 'i.code'))))
    .execute();
  if (missing.length === 0) return;
  const items = await em.find(ServiceItemEntity, { code: { $in: missing.map((r: { code: string }) => r.code) } });
  await insertRows(em, ServiceItemTermEntity, items.flatMap(itemTerms));
}
