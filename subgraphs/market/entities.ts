import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type EnterpriseType =
  'LIMITED_LIABILITY_COMPANY' | 'JOINT_STOCK_COMPANY' | 'SOLE_PROPRIETORSHIP' | 'PARTNERSHIP' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE';

export type EnterpriseStatus = 'OPERATING' | 'REVOKED' | 'CANCELLED';

export const EnterpriseEntity = defineEntity({
  name: 'Enterprise',
  tableName: 'enterprise',
  properties: {
    creditCode: p.string().length(18).primary(),
    name: p.string(),
    type: p.string().length(32).$type<EnterpriseType>(),
    status: p.string().length(16).$type<EnterpriseStatus>(),
    /** YYYY-MM-DD kept as text: a SQL date comes back from some drivers as a zoned JS Date */
    registrationDate: p.string().length(10),
    /** credit code of the registering county market regulation bureau (a catalog Department) */
    authorityCode: p.string().length(18),
    regionCode: p.string().length(6),
    businessScope: p.text(),
    /** whole yuan; null for individual businesses */
    registeredCapital: p.double().runtimeType('number').$type<number>().strictNullable(),
    /** resident identity number of the legal representative */
    representativeId: p.string().length(18),
  },
  // Query.enterprises filters (each with the credit-code order of its pages) and Person.representedEnterprises
  indexes: [
    { properties: ['regionCode', 'creditCode'] },
    { properties: ['representativeId'] },
    { properties: ['name'] },
    { properties: ['status', 'creditCode'] },
    { properties: ['type', 'creditCode'] },
    { properties: ['registrationDate'] },
  ],
});
export type Enterprise = InferEntity<typeof EnterpriseEntity>;
