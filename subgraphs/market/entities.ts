import { EntitySchema } from '@mikro-orm/core';

export type EnterpriseType =
  | 'LIMITED_LIABILITY_COMPANY'
  | 'JOINT_STOCK_COMPANY'
  | 'SOLE_PROPRIETORSHIP'
  | 'PARTNERSHIP'
  | 'INDIVIDUAL_BUSINESS'
  | 'FARMERS_COOPERATIVE';

export type EnterpriseStatus = 'OPERATING' | 'REVOKED' | 'CANCELLED';

export interface Enterprise {
  creditCode: string;
  name: string;
  type: EnterpriseType;
  status: EnterpriseStatus;
  /** YYYY-MM-DD kept as text: a SQL date comes back from some drivers as a zoned JS Date */
  registrationDate: string;
  /** credit code of the registering county market regulation bureau (a catalog Department) */
  authorityCode: string;
  regionCode: string;
  businessScope: string;
  /** whole yuan; null for individual businesses */
  registeredCapital: number | null;
  /** resident identity number of the legal representative */
  representativeId: string;
}

/** What market regulation knows of a Person: only the key (population owns the rest). */
export interface PersonRef {
  id: string;
}

/** A Region by key only (regions owns it). */
export interface RegionRef {
  code: string;
}

/** A catalog Department by key only. */
export interface DepartmentRef {
  code: string;
}

export const EnterpriseEntity = new EntitySchema<Enterprise>({
  name: 'Enterprise',
  tableName: 'enterprise',
  properties: {
    creditCode: { type: 'string', primary: true, fieldName: 'credit_code', length: 18 },
    name: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    registrationDate: { type: 'string', fieldName: 'registration_date', length: 10 },
    authorityCode: { type: 'string', fieldName: 'authority_code', length: 18 },
    regionCode: { type: 'string', fieldName: 'region_code', length: 6 },
    businessScope: { type: 'text', fieldName: 'business_scope' },
    registeredCapital: { type: 'double', runtimeType: 'number', nullable: true, fieldName: 'registered_capital' },
    representativeId: { type: 'string', fieldName: 'representative_id', length: 18 },
  },
});
