import type { EntityManager } from '@mikro-orm/core';
import { monthOf, nextMonth, weekOf } from '../dates.js';
import { kindCounts, type KindCount } from './demand.js';
import { countAppeals, inDivisions } from './measures.js';
import { contains } from './divisions.js';
import { windowBatch } from '../../../platform/loaders.js';
import { addDays } from '../../../platform/time.js';

export type Interval = 'WEEK' | 'MONTH';

export interface DemandPeriod {
  start: string;
  end: string;
  received: number;
  byKind: KindCount[];
}

interface Period {
  /** the value of the period column: a week's Monday or YYYY-MM */
  id: string;
  start: string;
  end: string;
}

/** Every week or month that meets the window, clipped to it. */
export function periods(from: string, to: string, interval: Interval): Period[] {
  const out: Period[] = [];
  let id = interval === 'WEEK' ? weekOf(from) : monthOf(from);
  for (;;) {
    const first = interval === 'WEEK' ? id : `${id}-01`;
    if (first > to) return out;
    const next = interval === 'WEEK' ? addDays(id, 7) : nextMonth(id);
    out.push({ id, start: first < from ? from : first, end: addDays(next, -1) > to ? to : addDays(next, -1) });
    id = interval === 'WEEK' ? next : monthOf(next);
  }
}

/**
 * Trends for keys windowKey(division, from, to, interval, category): one GROUP BY per
 * window, interval and category, by county, period and kind (the period is a
 * stored column, so the SQL is the same on SQLite and PostgreSQL).
 */
export function trendBatch(em: EntityManager, today: string) {
  return windowBatch(async (divisions, from, to, rest): Promise<DemandPeriod[][]> => {
    const [interval, category] = rest as [Interval, string | null];
    const column = interval === 'WEEK' ? 'received_week' : 'received_month';
    const rows = await countAppeals(em, {
      groupBy: ['region_code', column, 'kind'],
      measures: ['received'],
      where: (qb) => {
        const inWindow = qb.where((eb) => eb.between('received_on', from, to));
        return inDivisions(category ? inWindow.where('category', '=', category) : inWindow, divisions);
      },
      today,
    });
    return divisions.map((division) => {
      const counts = new Map<string, Map<string, number>>();
      for (const row of rows) {
        if (!contains(division, row.region_code)) continue;
        const byKind = counts.get(row[column]) ?? new Map<string, number>();
        byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.received);
        counts.set(row[column], byKind);
      }
      return periods(from, to, interval).map(({ id, start, end }) => {
        const byKind = counts.get(id) ?? new Map<string, number>();
        const received = [...byKind.values()].reduce((a, b) => a + b, 0);
        return { start, end, received, byKind: kindCounts(byKind, received) };
      });
    });
  });
}
