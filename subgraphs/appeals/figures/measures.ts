import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, Knex } from '@mikro-orm/knex';
import { OPEN_STATUSES } from '../data/reference.js';
import { COUNTRY } from './window.js';
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

const OPEN = `status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`;

/** The condition of each measure; `overdue` is lifecycle.ts isOverdue, as of `today`. */
function condition(measure: Exclude<Measure, 'received'>, today: string): [string, string[]] {
  switch (measure) {
    case 'complaints':
      return ['kind = ?', ['COMPLAINT']];
    case 'helpRequests':
      return ['kind = ?', ['HELP_REQUEST']];
    case 'unresolved':
      return [OPEN, [...OPEN_STATUSES]];
    case 'overdue':
      // a NULL responded_on makes the second comparison NULL, i.e. not true
      return [`(${OPEN} AND deadline < ?) OR responded_on > deadline`, [...OPEN_STATUSES, today]];
    case 'responded':
      return ['responded_on IS NOT NULL', []];
    case 'respondedOnTime':
      return ['responded_on <= deadline', []];
    case 'closed':
      return ['status = ?', ['CLOSED']];
    case 'satisfied':
      return ['satisfaction = ?', ['SATISFIED']];
    case 'basicallySatisfied':
      return ['satisfaction = ?', ['BASICALLY_SATISFIED']];
    case 'dissatisfied':
      return ['satisfaction = ?', ['DISSATISFIED']];
  }
}

function measureSql(knex: Knex, measure: Measure, today: string): Knex.Raw {
  if (measure === 'received') return knex.raw('COUNT(*) AS ??', [measure]);
  const [sql, bindings] = condition(measure, today);
  return knex.raw(`SUM(CASE WHEN ${sql} THEN 1 ELSE 0 END) AS ??`, [...bindings, measure]);
}

export interface CountQuery<G extends string, M extends Measure> {
  /** columns to group by (snake_case, as in the table) */
  groupBy: readonly G[];
  measures: readonly M[];
  where: (qb: Knex.QueryBuilder) => void;
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
  const knex = (em as SqlEntityManager).getKnex();
  const qb = knex('appeal').select([...groupBy, ...measures.map((m) => measureSql(knex, m, today))]);
  where(qb);
  const rows = (await qb.groupBy([...groupBy])) as Record<string, unknown>[];
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const g of groupBy) out[g] = String(row[g]);
    for (const m of measures) out[m] = Number(row[m] ?? 0);
    return out as Record<G, string> & Record<M, number>;
  });
}

/** Limits a query to the appeals of some divisions (all of them when COUNTRY is among them). */
export function inDivisions(qb: Knex.QueryBuilder, divisions: readonly string[]): void {
  if (divisions.includes(COUNTRY)) return;
  qb.where((any) => {
    for (const division of new Set(divisions)) any.orWhereBetween('region_code', divisionRange(division));
  });
}

/** count / total, 0 when the total is 0. */
export const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
