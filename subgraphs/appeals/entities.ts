import { EntitySchema } from '@mikro-orm/core';
import type { Channel } from '../../reference/service-types.js';
import type { AppealCategory, AppealKind, AppealSatisfaction, AppealStatus } from './data/reference.js';

/**
 * One 12345 appeal. Dates are YYYY-MM-DD text (they sort and compare the same
 * in SQLite and PostgreSQL); receivedAt is ISO 8601 with +08:00.
 */
export interface Appeal {
  id: string;
  kind: AppealKind;
  category: AppealCategory;
  text: string;
  regionCode: string;
  /** resident identity number; null for an anonymous appeal */
  appellantId: string | null;
  channel: Channel;
  receivedAt: string;
  receivedOn: string;
  /** Monday of the week of receipt, so weekly trends are a plain GROUP BY */
  receivedWeek: string;
  /** YYYY-MM of receipt, for monthly trends */
  receivedMonth: string;
  responseLimitDays: number;
  deadline: string;
  /** credit code of the agency it is dispatched to (a catalog Department) */
  departmentCode: string | null;
  dispatchedOn: string | null;
  returnCount: number;
  returnedBy: string | null;
  returnReason: string | null;
  status: AppealStatus;
  response: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  satisfaction: AppealSatisfaction | null;
}

/** A Person by key only (population owns the rest). */
export interface PersonRef {
  id: string;
}

/** A Region by key only (regions owns the rest). */
export interface RegionRef {
  code: string;
}

/** A catalog Department by key only. */
export interface DepartmentRef {
  code: string;
}

const text = (fieldName: string, nullable = false) => ({ type: 'string', fieldName, nullable }) as const;

export const AppealEntity = new EntitySchema<Appeal>({
  name: 'Appeal',
  tableName: 'appeal',
  properties: {
    id: { type: 'string', primary: true, length: 17 },
    kind: { type: 'string' },
    category: { type: 'string' },
    text: { type: 'text' },
    regionCode: text('region_code'),
    appellantId: text('appellant_id', true),
    channel: { type: 'string' },
    receivedAt: text('received_at'),
    receivedOn: text('received_on'),
    receivedWeek: text('received_week'),
    receivedMonth: text('received_month'),
    responseLimitDays: { type: 'integer', fieldName: 'response_limit_days' },
    deadline: { type: 'string' },
    departmentCode: text('department_code', true),
    dispatchedOn: text('dispatched_on', true),
    returnCount: { type: 'integer', fieldName: 'return_count' },
    returnedBy: text('returned_by', true),
    returnReason: { type: 'text', fieldName: 'return_reason', nullable: true },
    status: { type: 'string' },
    response: { type: 'text', nullable: true },
    respondedOn: text('responded_on', true),
    closedOn: text('closed_on', true),
    satisfaction: { type: 'string', nullable: true },
  },
});
