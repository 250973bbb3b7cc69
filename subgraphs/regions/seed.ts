import type { EntityManager } from '@mikro-orm/core';
import { divisions } from '../../platform/divisions.js';
import { RegionEntity } from './entities.js';

/** Every province, prefecture and county of GB/T 2260, whatever the size asked. */
export async function seedRegions(em: EntityManager): Promise<void> {
  await em.insertMany(RegionEntity, divisions().map((d) => ({ ...d })));
}
