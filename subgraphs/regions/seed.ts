import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import { divisions } from '../../reference/divisions.js';
import { COUNTRY_CODE } from '../../platform/identifiers/division-code.js';
import { RegionEntity } from './entities.js';

/** The country: the root above the provinces, so national figures are asked of a Region like a province's. */
export const THE_COUNTRY = { code: COUNTRY_CODE, name: '全国', level: 'COUNTRY', parentCode: null, fullName: '全国' } as const;

/** The country, and every province, prefecture and county of GB/T 2260 below it, whatever the size asked. */
export async function seedRegions(em: EntityManager): Promise<void> {
  await insertRows(em, RegionEntity, [THE_COUNTRY, ...divisions().map((d) => ({ ...d, parentCode: d.parentCode ?? COUNTRY_CODE }))]);
}

/** A database seeded before the country was a region gets it, and its provinces their parent (idempotent). */
export async function ensureCountry(em: EntityManager): Promise<void> {
  if ((await em.count(RegionEntity, {})) === 0 || (await em.findOne(RegionEntity, { code: COUNTRY_CODE }))) return;
  em.create(RegionEntity, { ...THE_COUNTRY });
  await em.flush();
  await em.nativeUpdate(RegionEntity, { level: 'PROVINCE', parentCode: null }, { parentCode: COUNTRY_CODE });
}
