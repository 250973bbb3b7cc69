import { EntitySchema } from '@mikro-orm/core';
import type { Channel, DepartmentKind, FeeSeed, ItemType, MaterialSeed, OnlineDepth, ServiceObject } from '../../reference/service-types.js';

export type Level = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export interface Department {
  code: string;
  name: string;
  kind: DepartmentKind;
  level: Level;
  regionCode: string;
}

/** The service guide parts that are only ever read whole live in one JSON column. */
export interface Guide {
  conditions: string[];
  materials: MaterialSeed[];
  steps: string[];
  fees: FeeSeed[];
  legalBasis: string[];
  channels: Channel[];
  enquiryPhone: string | null;
}

export interface ServiceItem {
  code: string;
  name: string;
  type: ItemType;
  serviceObject: ServiceObject;
  departmentKind: DepartmentKind;
  statutoryLimitDays: number;
  promisedLimitDays: number;
  inPersonVisits: number;
  onlineDepth: OnlineDepth;
  fullyOnline: boolean;
  guide: Guide;
}

export interface Implementation {
  code: string;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  promisedLimitDays: number;
  inPersonVisits: number;
  fees: FeeSeed[];
}

/** What the catalog knows of a Region: only its key (regions owns the rest). */
export interface RegionRef {
  code: string;
}

export const DepartmentEntity = new EntitySchema<Department>({
  name: 'Department',
  tableName: 'department',
  properties: {
    code: { type: 'string', primary: true },
    name: { type: 'string' },
    kind: { type: 'string' },
    level: { type: 'string' },
    regionCode: { type: 'string', fieldName: 'region_code' },
  },
});

export const ServiceItemEntity = new EntitySchema<ServiceItem>({
  name: 'ServiceItem',
  tableName: 'service_item',
  properties: {
    code: { type: 'string', primary: true },
    name: { type: 'string' },
    type: { type: 'string' },
    serviceObject: { type: 'string', fieldName: 'service_object' },
    departmentKind: { type: 'string', fieldName: 'department_kind' },
    statutoryLimitDays: { type: 'integer', fieldName: 'statutory_limit_days' },
    promisedLimitDays: { type: 'integer', fieldName: 'promised_limit_days' },
    inPersonVisits: { type: 'integer', fieldName: 'in_person_visits' },
    onlineDepth: { type: 'string', fieldName: 'online_depth' },
    fullyOnline: { type: 'boolean', fieldName: 'fully_online' },
    guide: { type: 'json' },
  },
});

export const ImplementationEntity = new EntitySchema<Implementation>({
  name: 'Implementation',
  tableName: 'implementation',
  properties: {
    code: { type: 'string', primary: true },
    itemCode: { type: 'string', fieldName: 'item_code' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    departmentCode: { type: 'string', fieldName: 'department_code' },
    promisedLimitDays: { type: 'integer', fieldName: 'promised_limit_days' },
    inPersonVisits: { type: 'integer', fieldName: 'in_person_visits' },
    fees: { type: 'json' },
  },
});
