import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CountedPage } from '../../platform/pagination.js';
import type { Channel } from '../../reference/service-types.js';
import type { AppealCategory, AppealKind, AppealSatisfaction, AppealStatus } from './data/reference.js';

/**
 * One 12345 appeal. Dates are YYYY-MM-DD text (they sort and compare the same
 * in SQLite and PostgreSQL); receivedAt is ISO 8601 with +08:00.
 */
export const AppealEntity = defineEntity({
  name: 'Appeal',
  tableName: 'appeal',
  properties: {
    // province (2), A, the receiving date, an 8-digit serial
    id: p.string().length(19).primary(),
    kind: p.string().length(16).$type<AppealKind>(),
    category: p.string().length(32).$type<AppealCategory>(),
    text: p.text(),
    regionCode: p.string().length(6),
    /** resident identity number; null for an anonymous appeal */
    appellantId: p.string().length(18).strictNullable(),
    channel: p.string().length(24).$type<Channel>(),
    receivedAt: p.string().length(25),
    receivedOn: p.string().length(10),
    /** Monday of the week of receipt, so weekly trends are a plain GROUP BY */
    receivedWeek: p.string().length(10),
    /** YYYY-MM of receipt, for monthly trends */
    receivedMonth: p.string().length(7),
    responseLimitDays: p.integer(),
    deadline: p.string().length(10),
    /** credit code of the agency it is dispatched to (a catalog Department) */
    departmentCode: p.string().length(18).strictNullable(),
    dispatchedOn: p.string().length(10).strictNullable(),
    returnCount: p.integer(),
    returnedBy: p.string().length(18).strictNullable(),
    returnReason: p.text().strictNullable(),
    status: p.string().length(12).$type<AppealStatus>(),
    response: p.text().strictNullable(),
    respondedOn: p.string().length(10).strictNullable(),
    closedOn: p.string().length(10).strictNullable(),
    satisfaction: p.string().length(24).$type<AppealSatisfaction>().strictNullable(),
  },
  indexes: [
    // demand figures and the region filter (a code range) over a window of receipt
    { properties: ['regionCode', 'receivedOn'] },
    { properties: ['category', 'receivedOn'] },
    // the overdue filter: open statuses past their deadline
    { properties: ['status', 'deadline'] },
    // Person.appeals and the appellant filter
    { properties: ['appellantId'] },
    // Department.appealFigures and the department filter
    { properties: ['departmentCode', 'receivedOn'] },
    // The covering index of the figures: demand groups by its first four columns and unmet demand by its
    // first two, so both stream through it without sorting or reading the wide rows; trends read it whole.
    // At 500,000 appeals on SQLite the country's demand takes about 0.1 s of CPU instead of 3 s.
    // newest first across provinces (platform/pagination.ts NEWEST_FIRST): a page of every appeal is an index range
    { name: 'appeal_newest', expression: 'create index "appeal_newest" on "appeal" (substr("id", 3) desc, "id" desc)' },
    {
      name: 'appeal_figures_index',
      properties: [
        'regionCode',
        'category',
        'kind',
        'channel',
        'receivedOn',
        'receivedWeek',
        'receivedMonth',
        'status',
        'deadline',
        'respondedOn',
        'satisfaction',
      ],
    },
  ],
});
export type Appeal = InferEntity<typeof AppealEntity>;
/** A page of appeals that counts its whole filtered list when totalCount is asked. */
export type AppealConnection = CountedPage<Appeal>;
