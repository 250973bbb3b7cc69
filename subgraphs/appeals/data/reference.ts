import type { Channel, DepartmentKind } from '../../../reference/service-types.js';

/**
 * The hotline's fixed vocabularies. Each list is in the order of its GraphQL
 * enum in schema.graphql, with the Chinese names the 12345 centres publish.
 */

export type AppealKind = 'COMPLAINT' | 'HELP_REQUEST' | 'SUGGESTION' | 'CONSULTATION' | 'PRAISE';

export const KINDS = ['COMPLAINT', 'HELP_REQUEST', 'SUGGESTION', 'CONSULTATION', 'PRAISE'] as const satisfies readonly AppealKind[];

export const KIND_NAMES: Record<AppealKind, string> = {
  COMPLAINT: '投诉',
  HELP_REQUEST: '求助',
  SUGGESTION: '建议',
  CONSULTATION: '咨询',
  PRAISE: '表扬',
};

/**
 * Response deadline of each kind, in working days after the day of receipt
 * (platform/working-days.ts). Consultations are answered fastest; complaints
 * need a check on the spot; suggestions need the department to study them.
 * Praise is passed on to the department and acknowledged like a suggestion.
 */
export const RESPONSE_LIMIT_DAYS: Record<AppealKind, number> = {
  CONSULTATION: 1,
  HELP_REQUEST: 3,
  COMPLAINT: 5,
  SUGGESTION: 10,
  PRAISE: 10,
};

export type AppealCategory =
  | 'SOCIAL_SECURITY'
  | 'HEALTH'
  | 'EDUCATION'
  | 'HOUSING'
  | 'TRANSPORT'
  | 'MARKET_REGULATION'
  | 'URBAN_MANAGEMENT'
  | 'ENVIRONMENT'
  | 'HOUSEHOLD_REGISTRATION'
  | 'ENTERPRISE_SERVICES'
  | 'GOVERNMENT_SERVICES';

export interface CategoryInfo {
  name: string;
  /** the kind of agency a hotline dispatches this category to, at the appeal's county */
  departmentKind: DepartmentKind;
}

/**
 * The categories of the national 12345 classification that matter for service
 * supply, each with the kind of agency that supplies it. Only kinds that have a
 * county office are used, so every county has an agency for every category.
 */
export const CATEGORIES: Record<AppealCategory, CategoryInfo> = {
  SOCIAL_SECURITY: { name: '社会保障', departmentKind: 'HUMAN_RESOURCES_SOCIAL_SECURITY' },
  HEALTH: { name: '医疗卫生', departmentKind: 'HEALTH' },
  EDUCATION: { name: '教育', departmentKind: 'EDUCATION' },
  HOUSING: { name: '住房', departmentKind: 'HOUSING_URBAN_RURAL' },
  TRANSPORT: { name: '交通出行', departmentKind: 'TRANSPORT' },
  MARKET_REGULATION: { name: '市场监管', departmentKind: 'MARKET_REGULATION' },
  // city management (城管) has no agency kind of its own in the catalog: housing and construction covers it
  URBAN_MANAGEMENT: { name: '城市管理', departmentKind: 'HOUSING_URBAN_RURAL' },
  // nor has ecology and environment: natural resources and planning is the nearest kind
  ENVIRONMENT: { name: '环境保护', departmentKind: 'NATURAL_RESOURCES' },
  HOUSEHOLD_REGISTRATION: { name: '户籍证件', departmentKind: 'PUBLIC_SECURITY' },
  ENTERPRISE_SERVICES: { name: '企业服务', departmentKind: 'ADMINISTRATIVE_APPROVAL' },
  GOVERNMENT_SERVICES: { name: '政务服务', departmentKind: 'ADMINISTRATIVE_APPROVAL' },
};

export const CATEGORY_LIST = Object.keys(CATEGORIES) as AppealCategory[];

export type AppealStatus = 'RECEIVED' | 'DISPATCHED' | 'RETURNED' | 'RESPONDED' | 'CLOSED';

/** Statuses of an appeal still waiting for a department's response. */
export const OPEN_STATUSES = ['RECEIVED', 'DISPATCHED', 'RETURNED'] as const satisfies readonly AppealStatus[];

export type AppealSatisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

/** The channels an appeal reaches the hotline centre through (catalog's Channel values). */
export const APPEAL_CHANNELS = ['HOTLINE', 'WEB_PORTAL', 'MOBILE_APP', 'SERVICE_HALL'] as const satisfies readonly Channel[];
