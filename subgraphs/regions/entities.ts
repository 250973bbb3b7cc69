import { EntitySchema } from '@mikro-orm/core';

export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  fullName: string;
}

export const RegionEntity = new EntitySchema<Region>({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: { type: 'string', primary: true, length: 6 },
    name: { type: 'string' },
    level: { type: 'string' },
    parentCode: { type: 'string', nullable: true, fieldName: 'parent_code' },
    fullName: { type: 'string', fieldName: 'full_name' },
  },
});
