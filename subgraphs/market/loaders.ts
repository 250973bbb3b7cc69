import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { EnterpriseEntity, type Enterprise } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    enterpriseByCode: new DataLoader<string, Enterprise | null>(async (codes) =>
      oneByKey(codes, await em.find(EnterpriseEntity, { creditCode: { $in: [...codes] } }), (e) => e.creditCode),
    ),
    enterprisesByRepresentative: new DataLoader<string, Enterprise[]>(async (ids) =>
      manyByKey(ids, await em.find(EnterpriseEntity, { representativeId: { $in: [...ids] } }, { orderBy: { creditCode: 'asc' } }), (e) => e.representativeId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
