import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { oneByKey } from '../../platform/loaders.js';
import { AccessEntryEntity, type AccessEntry } from './entities.js';

/** Per-request loaders: each batch is one `IN (...)` query, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    entryById: new DataLoader<string, AccessEntry | null>(async (ids) =>
      oneByKey(ids, await em.find(AccessEntryEntity, { id: { $in: [...ids] } }), (e) => e.id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
