import type { EntityManager } from '@mikro-orm/core';
import { insertInChunks } from '../../platform/insert-rows.js';
import { withIndexesDeferred } from '../../platform/deferred-indexes.js';
import type { SeedOptions } from '../../platform/department.js';
import { AppealEntity, type Appeal } from './entities.js';
import { appealAt } from './seed/appeal.js';
import { todayInChina } from '../../platform/time.js';

export { appealAt } from './seed/appeal.js';

/** How many appeals a population of `people` raised in a year: one for every two people. */
export const appealCount = (people: number) => Math.floor(people / 2);

/**
 * Every sample appeal of the shared synthetic population (samples/synthetic.ts),
 * received over the year up to `today`. Pure, so its speed can be timed apart
 * from the database.
 */
export function* generateAppeals({ size, seed }: SeedOptions, today = todayInChina()): Generator<Appeal> {
  const count = appealCount(size);
  for (let i = 0; i < count; i++) yield appealAt(seed, i, size, today);
}

/**
 * Inserts the generated appeals in chunks (no entity instances, no unit of
 * work) into the empty table, with its look-up indexes dropped meanwhile and
 * built once at the end, in the same transaction.
 */
export async function seedAppeals(em: EntityManager, options: SeedOptions, today = todayInChina()): Promise<void> {
  // an instance of a partitioned platform holds its jurisdiction's share
  const { holds } = options;
  const appeals = holds ? generateAppeals(options, today).filter((a) => holds(a.regionCode)) : generateAppeals(options, today);
  await withIndexesDeferred(em, AppealEntity, () => insertInChunks(em, AppealEntity, appeals));
}
