import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import { HouseholdEntity, PersonEntity, type Household, type Person } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => oneByKey(ids, await findIn(em, PersonEntity, 'id', ids), (p) => p.id)),
    householdById: new DataLoader<string, Household | null>(async (ids) => oneByKey(ids, await findIn(em, HouseholdEntity, 'id', ids), (h) => h.id)),
    membersOf: new DataLoader<string, Person[]>(async (ids) =>
      manyByKey(ids, await findIn(em, PersonEntity, 'householdId', ids, { orderBy: { id: 'asc' } }), (p) => p.householdId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
