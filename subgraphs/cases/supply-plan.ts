import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { kysely } from '../../platform/kysely.js';
import { num, overdue, perCode, promise, visits, type Count } from './figures.js';
import type { ItemCaseParts } from './generated/resolvers.js';

/**
 * Per region, each item's cases over one window with the supply-gap counts the catalog ranks it by
 * (SupplyPlan.caseParts): ONE statement for all regions, the same rules as caseFigures.
 */
export async function casePartsFor(
  em: EntityManager,
  regions: readonly string[],
  from: string,
  to: string,
  lastWorkingDay: string,
): Promise<ItemCaseParts[][]> {
  const rows = (await perCode(kysely(em), 'region_code', regions, from, to, (qb) =>
    qb
      .select('item_code as item')
      .select(sql<Count>`count(*)`.as('n'))
      .select(overdue(lastWorkingDay).as('overdue'))
      .select(sql<Count>`sum(${visits})`.as('visits'))
      .select(sql<Count>`sum(case when ${visits} > ${promise} then 1 else 0 end)`.as('over_promise'))
      .groupBy(['region_code', 'item_code']),
  ).execute()) as { k: string; item: string; n: Count; overdue: Count; visits: Count; over_promise: Count }[];
  return regions.map((region) => {
    const items = new Map<string, ItemCaseParts>();
    for (const row of rows.filter((r) => r.k === region)) {
      const item = items.get(row.item) ?? { item: row.item, cases: 0, overdue: 0, inPersonVisits: 0, overPromisedVisits: 0 };
      item.cases += num(row.n);
      item.overdue += num(row.overdue);
      item.inPersonVisits += num(row.visits);
      item.overPromisedVisits += num(row.over_promise);
      items.set(row.item, item);
    }
    return [...items.values()].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  });
}
