import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, Knex } from '@mikro-orm/knex';
import { CHANNELS } from '../../platform/reference/service-types.js';
import type { CaseFigures, ItemOverdue } from './generated/resolvers.js';
import { CASE_STATUSES } from './lifecycle.js';
import { inRange, regionRange } from './window.js';

/** What figures are grouped by: the column holding the key of the entity they are about. */
export type FigureColumn = 'item_code' | 'department_code' | 'region_code';

interface FigureRow {
  k: string;
  status: string;
  channel: string;
  n: number | string;
  overdue: number | string | null;
  decided: number | string;
  on_time: number | string | null;
  handling: number | string | null;
  assisted: number | string | null;
}

/**
 * Overdue as of today, in SQL: late when the clock stopped (decided, suspended),
 * or still running with the due date before the last working day (see timeline.ts).
 */
const OVERDUE = 'case when overdue_days > 0 or (overdue_days is null and due_date < ?) then 1 else 0 end';

const knexOf = (em: EntityManager): Knex => (em as SqlEntityManager).getKnex();

/** Restricts a query to the codes asked for: exact codes, or for regions the ranges of codes below them. */
function whereCodes(column: FigureColumn, codes: readonly string[]) {
  return (qb: Knex.QueryBuilder) => {
    if (column !== 'region_code') return void qb.whereIn(column, [...codes]);
    for (const code of codes) qb.orWhereBetween(column, regionRange(code));
  };
}

/** Keys a stored code counts for: itself, or for regions every requested region containing it. */
const matcher = (column: FigureColumn) => (asked: string, stored: string) => (column === 'region_code' ? inRange(regionRange(asked), stored) : asked === stored);

/**
 * Figures for many codes over one window: ONE grouped statement, whatever the
 * number of codes. Rows come per (code, status, channel) and are summed here,
 * which keeps it to one statement and lets a region count its sub-divisions.
 */
export async function figuresFor(em: EntityManager, column: FigureColumn, codes: readonly string[], from: string, to: string, lastWorkingDay: string): Promise<CaseFigures[]> {
  const knex = knexOf(em);
  const rows: FigureRow[] = await knex('cases')
    .select({ k: column, status: 'status', channel: 'channel' })
    .select(knex.raw('count(*) as n'))
    .select(knex.raw(`sum(${OVERDUE}) as overdue`, [lastWorkingDay]))
    .select(knex.raw('count(handling_days) as decided'))
    .select(knex.raw('sum(case when overdue_days = 0 and handling_days is not null then 1 else 0 end) as on_time'))
    .select(knex.raw('sum(handling_days) as handling'))
    .select(knex.raw('sum(case when agent_id is not null then 1 else 0 end) as assisted'))
    .where(whereCodes(column, codes))
    .whereBetween('submitted_on', [from, to])
    .groupBy(column, 'status', 'channel');
  const matches = matcher(column);
  return codes.map((code) => summarise(rows.filter((r) => matches(code, r.k))));
}

function summarise(rows: readonly FigureRow[]): CaseFigures {
  const sum = (pick: (r: FigureRow) => number | string | null) => rows.reduce((s, r) => s + Number(pick(r) ?? 0), 0);
  const countBy = <V extends string>(values: readonly V[], pick: (r: FigureRow) => string) =>
    values.map((value) => ({ value, count: sum((r) => (pick(r) === value ? r.n : 0)) })).filter((c) => c.count > 0);
  const decided = sum((r) => r.decided);
  return {
    total: sum((r) => r.n),
    byStatus: countBy(CASE_STATUSES, (r) => r.status).map(({ value, count }) => ({ status: value, count })),
    byChannel: countBy(CHANNELS, (r) => r.channel).map(({ value, count }) => ({ channel: value, count })),
    overdue: sum((r) => r.overdue),
    onTimeRate: decided ? sum((r) => r.on_time) / decided : null,
    averageWorkingDays: decided ? sum((r) => r.handling) / decided : null,
    agentAssisted: sum((r) => r.assisted),
  };
}

/**
 * Per region, the items with overdue cases over one window, most overdue first:
 * ONE statement grouped by (division, item) for all regions asked.
 */
export async function mostOverdueFor(em: EntityManager, regions: readonly string[], from: string, to: string, lastWorkingDay: string): Promise<ItemOverdue[][]> {
  const knex = knexOf(em);
  const rows: { k: string; item: string; n: number | string; overdue: number | string | null }[] = await knex('cases')
    .select({ k: 'region_code', item: 'item_code' })
    .select(knex.raw('count(*) as n'))
    .select(knex.raw(`sum(${OVERDUE}) as overdue`, [lastWorkingDay]))
    .where(whereCodes('region_code', regions))
    .whereBetween('submitted_on', [from, to])
    .groupBy('region_code', 'item_code');
  return regions.map((region) => {
    const range = regionRange(region);
    const items = new Map<string, { overdueCases: number; totalCases: number }>();
    for (const row of rows) {
      if (!inRange(range, row.k)) continue;
      const item = items.get(row.item) ?? { overdueCases: 0, totalCases: 0 };
      item.overdueCases += Number(row.overdue ?? 0);
      item.totalCases += Number(row.n);
      items.set(row.item, item);
    }
    return [...items]
      .filter(([, f]) => f.overdueCases > 0)
      .sort(([a, fa], [b, fb]) => fb.overdueCases - fa.overdueCases || fa.totalCases - fb.totalCases || (a < b ? -1 : 1))
      .map(([code, f]) => ({ item: { code }, ...f }));
  });
}
