import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import { divisions } from '../../reference/divisions.js';
import { RegionEntity } from './entities.js';

/** Every province, prefecture and county of GB/T 2260, whatever the size asked. */
export async function seedRegions(em: EntityManager): Promise<void> {
  await insertRows(
    em,
    RegionEntity,
    divisions().map((d) => ({ ...d })),
  );
}
