import type { EntityManager } from '@mikro-orm/core';
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { kysely } from '../../../platform/kysely.js';
import { OPEN_STATUSES } from '../data/reference.js';
import { COUNTRY } from './divisions.js';
import { divisionRange } from '../../../platform/identifiers/index.js';

/** What figures count: each a SUM(CASE …) over the appeals of a group, in portable SQL. */
export type Measure =
  | 'received'
  | 'complaints'
  | 'helpRequests'
  | 'unresolved'
  | 'overdue'
  | 'responded'
  | 'respondedOnTime'
  | 'closed'
  | 'satisfied'
  | 'basicallySatisfied'
  | 'dissatisfied';

const open = () => sql`status IN (${sql.join([...OPEN_STATUSES])})`;

/** The condition of each measure; `overdue` is lifecycle.ts isOverdue, as of `today`. */
function condition(measure: Exclude<Measure, 'received'>, today: string): RawBuilder<unknown> {
  switch (measure) {
    case 'complaints':
      return sql`kind = ${'COMPLAINT'}`;
    case 'helpRequests':
      return sql`kind = ${'HELP_REQUEST'}`;
    case 'unresolved':
      return open();
    case 'overdue':
      // a NULL responded_on makes the second comparison NULL, i.e. not true
      return sql`(${open()} AND deadline < ${today}) OR responded_on > deadline`;
    case 'responded':
      return sql`responded_on IS NOT NULL`;
    case 'respondedOnTime':
      return sql`responded_on <= deadline`;
    case 'closed':
      return sql`status = ${'CLOSED'}`;
    case 'satisfied':
      return sql`satisfaction = ${'SATISFIED'}`;
    case 'basicallySatisfied':
      return sql`satisfaction = ${'BASICALLY_SATISFIED'}`;
    case 'dissatisfied':
      return sql`satisfaction = ${'DISSATISFIED'}`;
  }
}

function measureSql(measure: Measure, today: string) {
  if (measure === 'received') return sql<number>`COUNT(*)`.as(measure);
  return sql<number>`SUM(CASE WHEN ${condition(measure, today)} THEN 1 ELSE 0 END)`.as(measure);
}

/** A statement over the appeal table being built (Kysely builders are immutable: each step returns a new one). */
export type AppealQuery = SelectQueryBuilder<any, 'appeal', object>;

export interface CountQuery<G extends string, M extends Measure> {
  /** columns to group by (snake_case, as in the table) */
  groupBy: readonly G[];
  measures: readonly M[];
  where: (qb: AppealQuery) => AppealQuery;
  today: string;
}

/**
 * One GROUP BY statement over the appeals: a row per group with its measures
 * as numbers (PostgreSQL returns COUNT and SUM as strings).
 */
export async function countAppeals<G extends string, M extends Measure>(
  em: EntityManager,
  { groupBy, measures, where, today }: CountQuery<G, M>,
): Promise<(Record<G, string> & Record<M, number>)[]> {
  const qb = kysely(em)
    .selectFrom('appeal')
    .select([...groupBy, ...measures.map((m) => measureSql(m, today))]);
  const rows = (await where(qb as AppealQuery)
    .groupBy([...groupBy])
    .execute()) as Record<string, unknown>[];
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const g of groupBy) out[g] = String(row[g]);
    for (const m of measures) out[m] = Number(row[m] ?? 0);
    return out as Record<G, string> & Record<M, number>;
  });
}

/** Limits a query to the appeals of some divisions (all of them when COUNTRY is among them). */
export function inDivisions(qb: AppealQuery, divisions: readonly string[]): AppealQuery {
  if (divisions.includes(COUNTRY)) return qb;
  return qb.where((eb) => eb.or([...new Set(divisions)].map((division) => eb.between('region_code', ...divisionRange(division)))));
}

/** count / total, 0 when the total is 0. */
export const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
