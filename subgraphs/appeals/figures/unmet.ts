import type { EntityManager } from '@mikro-orm/core';
import type { DepartmentKind } from '../../../reference/service-types.js';
import { CATEGORIES, CATEGORY_LIST, type AppealCategory } from '../data/reference.js';
import { countAppeals, inDivisions } from './measures.js';
import { contains } from './divisions.js';
import { windowBatch } from '../../../platform/loaders.js';

export interface UnmetDemand {
  rank: number;
  category: AppealCategory;
  name: string;
  departmentKind: DepartmentKind;
  score: number;
  received: number;
  complaints: number;
  helpRequests: number;
  unresolved: number;
  overdue: number;
  dissatisfied: number;
}

type Components = Pick<UnmetDemand, 'complaints' | 'helpRequests' | 'unresolved' | 'overdue' | 'dissatisfied'>;

/**
 * The unmet-demand score of a category, kept simple enough to explain to a
 * county head: complaints and help requests state a need directly (1 each); an
 * unresolved appeal is a need not yet met (2); an overdue one was not met in
 * time (2 more, on top of unresolved while it is still open); a dissatisfied
 * closure is a need the response did not meet (3). Same formula in schema.graphql.
 */
export function unmetScore(c: Components): number {
  return c.complaints + c.helpRequests + 2 * c.unresolved + 2 * c.overdue + 3 * c.dissatisfied;
}

const MEASURES = ['received', 'complaints', 'helpRequests', 'unresolved', 'overdue', 'dissatisfied'] as const;

/**
 * Every category with appeals for keys windowKey(division, from, to), ranked (ties: more appeals
 * first, then enum order; those scoring 0 last, which unmetOf leaves out): one GROUP BY per window, by
 * county and category.
 */
export function unmetBatch(em: EntityManager, today: string) {
  return windowBatch(async (divisions, from, to): Promise<UnmetDemand[][]> => {
    const rows = await countAppeals(em, {
      groupBy: ['region_code', 'category'],
      measures: MEASURES,
      where: (qb) =>
        inDivisions(
          qb.where((eb) => eb.between('received_on', from, to)),
          divisions,
        ),
      today,
    });
    return divisions.map((division) => {
      const sums = new Map<string, Record<(typeof MEASURES)[number], number>>();
      for (const row of rows) {
        if (!contains(division, row.region_code)) continue;
        const sum = sums.get(row.category) ?? { received: 0, complaints: 0, helpRequests: 0, unresolved: 0, overdue: 0, dissatisfied: 0 };
        for (const m of MEASURES) sum[m] += row[m];
        sums.set(row.category, sum);
      }
      const list = CATEGORY_LIST.flatMap((category) => {
        const sum = sums.get(category);
        if (!sum) return [];
        return [{ category, name: CATEGORIES[category].name, departmentKind: CATEGORIES[category].departmentKind, score: unmetScore(sum), ...sum }];
      });
      list.sort((a, b) => b.score - a.score || b.received - a.received);
      return list.map((u, i) => ({ rank: i + 1, ...u }));
    });
  });
}
