import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CountedPage } from '../../platform/pagination.js';
import type { Channel, DepartmentKind, FeeSeed, ItemType, MaterialSeed, OnlineDepth, ServiceObject } from '../../reference/service-types.js';

export type Level = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

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

export const DepartmentEntity = defineEntity({
  name: 'Department',
  tableName: 'department',
  properties: {
    code: p.string().length(18).primary(),
    name: p.string(),
    kind: p.string().length(40).$type<DepartmentKind>(),
    level: p.string().length(16).$type<Level>(),
    regionCode: p.string().length(6),
  },
  indexes: [{ properties: ['regionCode', 'code'] }, { properties: ['kind', 'code'] }],
});
export type Department = InferEntity<typeof DepartmentEntity>;

export const ServiceItemEntity = defineEntity({
  name: 'ServiceItem',
  tableName: 'service_item',
  properties: {
    code: p.string().length(32).primary(),
    name: p.string(),
    type: p.string().length(40).$type<ItemType>(),
    serviceObject: p.string().length(16).$type<ServiceObject>(),
    departmentKind: p.string().length(40).$type<DepartmentKind>(),
    statutoryLimitDays: p.integer(),
    promisedLimitDays: p.integer(),
    inPersonVisits: p.integer(),
    onlineDepth: p.string().length(24).$type<OnlineDepth>(),
    fullyOnline: p.boolean(),
    guide: p.json<Guide>().columnType('json'),
  },
  indexes: [{ properties: ['type', 'code'] }, { properties: ['fullyOnline', 'code'] }],
});
export type ServiceItem = InferEntity<typeof ServiceItemEntity>;
/** A page of service items that counts its whole filtered list when totalCount is asked. */
export type ServiceItemConnection = CountedPage<ServiceItem>;

export const ImplementationEntity = defineEntity({
  name: 'Implementation',
  tableName: 'implementation',
  properties: {
    code: p.string().length(80).primary(),
    // foreign keys read as plain codes; no index of their own on SQLite, where the indexes below lead with them
    itemCode: p.manyToOne(ServiceItemEntity).mapToPk().name('item_code').index(false),
    regionCode: p.string().length(6),
    departmentCode: p.manyToOne(DepartmentEntity).mapToPk().name('department_code').index(false),
    promisedLimitDays: p.integer(),
    inPersonVisits: p.integer(),
    fees: p.json<FeeSeed[]>().columnType('json'),
  },
  // Region.serviceItems, Department.implementations, ServiceItem.implementations and the filters
  indexes: [{ properties: ['regionCode', 'itemCode'] }, { properties: ['departmentCode', 'itemCode'] }, { properties: ['itemCode', 'regionCode'] }],
});
export type Implementation = InferEntity<typeof ImplementationEntity>;

/**
 * The search index of the catalog (search/words.ts): one row per word of an item, with the weight of
 * its best place (name, code, materials, conditions, rest of the guide). Written with the item.
 */
export const ServiceItemTermEntity = defineEntity({
  name: 'ServiceItemTerm',
  tableName: 'service_item_term',
  properties: {
    term: p.string().length(64).primary(),
    itemCode: p.string().length(32).primary(),
    weight: p.integer(),
  },
  // the primary key (term, item_code) answers a query's words; this one finds an item's terms to rewrite them
  indexes: [{ properties: ['itemCode'] }],
});
export type ServiceItemTerm = InferEntity<typeof ServiceItemTermEntity>;
