import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import { RegionEntity, type Region } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) => oneByKey(codes, await findIn(em, RegionEntity, 'code', codes), (r) => r.code)),
    childrenOf: new DataLoader<string, Region[]>(async (codes) =>
      manyByKey(codes, await findIn(em, RegionEntity, 'parentCode', codes, { orderBy: { code: 'asc' } }), (r) => r.parentCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
