import { NEWEST_FIRST } from '../../platform/pagination.js';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { AppealEntity, type Appeal } from './entities.js';
import { demandBatch } from './figures/demand.js';
import { departmentBatch } from './figures/department.js';
import { trendBatch } from './figures/trend.js';
import { unmetBatch } from './figures/unmet.js';
import { todayInChina } from '../../platform/time.js';

/**
 * Per-request loaders: one SQL statement per batch (per window for figures),
 * whatever the list length. Figure keys are platform/loaders.ts windowKey.
 */
export function createLoaders(em: EntityManager) {
  // one "today" per request, so every figure and field of a response agrees
  const today = todayInChina();
  return {
    today,
    appealById: new DataLoader<string, Appeal | null>(async (ids) => oneByKey(ids, await em.find(AppealEntity, { id: { $in: [...ids] } }), (a) => a.id)),
    appealsOfPerson: new DataLoader<string, Appeal[]>(async (ids) =>
      manyByKey(ids, await em.find(AppealEntity, { appellantId: { $in: [...ids] } }, { orderBy: [...NEWEST_FIRST] }), (a) => a.appellantId!),
    ),
    demand: new DataLoader(demandBatch(em, today)),
    trend: new DataLoader(trendBatch(em, today)),
    unmet: new DataLoader(unmetBatch(em, today)),
    departmentFigures: new DataLoader(departmentBatch(em, today)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
