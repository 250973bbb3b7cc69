import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { divisionRange } from '../../platform/identifiers/index.js';
import { kysely } from '../../platform/kysely.js';
import type { ItemReviewParts } from './generated/resolvers.js';
import { BAD_LEVELS } from './levels.js';

/**
 * Per region, each item's reviews and bad reviews (差评) over one window (SupplyPlan.reviewParts): ONE
 * statement grouped by county and item, rolled up per asked division.
 */
export async function reviewPartsFor(em: EntityManager, regions: readonly string[], from: string, to: string): Promise<ItemReviewParts[][]> {
  const ranges = regions.map(divisionRange);
  const rows = (await kysely(em)
    .selectFrom('evaluation')
    .select(['region_code as region', 'item_code as item'])
    .select((eb) => eb.fn.countAll().as('n'))
    .select(sql`SUM(CASE WHEN level IN (${sql.join([...BAD_LEVELS])}) THEN 1 ELSE 0 END)`.as('bad'))
    .where((eb) => eb.between('evaluated_on', from, to))
    .where((eb) => eb.or(ranges.map(([lo, hi]) => eb.between('region_code', lo, hi))))
    .groupBy(['region_code', 'item_code'])
    .execute()) as { region: string; item: string; n: unknown; bad: unknown }[];
  return ranges.map(([lo, hi]) => {
    const items = new Map<string, ItemReviewParts>();
    for (const row of rows) {
      if (row.region < lo || row.region > hi) continue;
      const item = items.get(row.item) ?? { item: row.item, reviews: 0, badReviews: 0 };
      // PostgreSQL answers COUNT and SUM as strings (bigint)
      item.reviews += Number(row.n ?? 0);
      item.badReviews += Number(row.bad ?? 0);
      items.set(row.item, item);
    }
    return [...items.values()].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  });
}
