import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export const RegionEntity = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().length(6).primary(),
    name: p.string(),
    level: p.string().length(16).$type<RegionLevel>(),
    parentCode: p.string().length(6).strictNullable(),
    fullName: p.string(),
  },
  // every filter of Query.regions and the children look-up
  indexes: [{ properties: ['parentCode', 'code'] }, { properties: ['level', 'code'] }],
});
export type Region = InferEntity<typeof RegionEntity>;
