import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { HouseholdEntity, PersonEntity, type Household, type Person } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) =>
      oneByKey(ids, await em.find(PersonEntity, { id: { $in: [...ids] } }), (p) => p.id),
    ),
    householdById: new DataLoader<string, Household | null>(async (ids) =>
      oneByKey(ids, await em.find(HouseholdEntity, { id: { $in: [...ids] } }), (h) => h.id),
    ),
    membersOf: new DataLoader<string, Person[]>(async (ids) =>
      manyByKey(ids, await em.find(PersonEntity, { householdId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (p) => p.householdId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
