import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '../../platform/department.js';
import { appendSynthetic } from './seed/synthetic.js';

/**
 * Sample accesses for development: one per person of the sample population,
 * chained like delivered ones, so the data tracker and the auditors' views
 * have something to show. Real deliveries chain after them.
 */
export async function seedAudit(em: EntityManager, { size, seed }: SeedOptions): Promise<void> {
  await appendSynthetic(em, { count: size, seed, people: size });
}
