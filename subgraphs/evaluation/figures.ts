import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import type { DateWindow } from '../../platform/date-window.js';
import { divisionRange } from '../../platform/identifiers/index.js';
import { kysely } from '../../platform/kysely.js';
import { todayInChina } from '../../platform/time.js';
import { LEVELS, SATISFIED_LEVELS, isBadReview, type EvaluationLevel } from './levels.js';

/** What Satisfaction returns, in GraphQL shape. */
export interface Satisfaction extends DateWindow {
  evaluations: number;
  byLevel: { level: EvaluationLevel; count: number }[];
  satisfied: number;
  satisfactionRate: number | null;
  badReviews: number;
  rectified: number;
  overdueRectifications: number;
  averageDimensions: DimensionAverages | null;
}

/** The ratings, each dimension's mean and (for combining several instances' figures) its total. */
export type DimensionAverages = { ratings: number } & Record<(typeof DIMENSIONS)[number] | `${(typeof DIMENSIONS)[number]}Total`, number>;

/** The evaluation column a figure is grouped by. */
export type FigureColumn = 'item_code' | 'department_code' | 'region_code';

const DIMENSIONS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;
const COLUMN_OF = { overall: 'overall', efficiency: 'efficiency', guideAccuracy: 'guide_accuracy', convenience: 'convenience', usability: 'usability' };

/** One (code, level) group of the statement, with sums so groups roll up into any key. */
interface Group {
  code: string;
  level: EvaluationLevel;
  n: number;
  rectified: number;
  overdue: number;
  rated: number;
  sums: Record<(typeof DIMENSIONS)[number], number>;
}

/**
 * Satisfaction of many codes over one window in ONE statement: evaluations of
 * the window grouped by (code, level), with their rectifications joined. For
 * regions (`byPrefix`) a code covers every division below it, so the statement
 * groups by the stored county code and the groups are rolled up per asked code.
 */
export async function satisfactionOf(
  em: EntityManager,
  column: FigureColumn,
  codes: readonly string[],
  window: DateWindow,
  byPrefix = false,
): Promise<Satisfaction[]> {
  const key = `e.${column}` as const;
  let query = kysely(em)
    .selectFrom('evaluation as e')
    .leftJoin('rectification as r', 'r.evaluation_id', 'e.id')
    .select([`${key} as code`, 'e.level as level'])
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('e.overall').as('rated')])
    .select(sql`SUM(CASE WHEN r.status = ${'RECTIFIED'} THEN 1 ELSE 0 END)`.as('rectified'))
    .select(sql`SUM(CASE WHEN r.status IN (${'OPEN'}, ${'CALLED_BACK'}) AND r.deadline < ${todayInChina()} THEN 1 ELSE 0 END)`.as('overdue'))
    .select((eb) => DIMENSIONS.map((d) => eb.fn.sum(`e.${COLUMN_OF[d]}`).as(d)))
    .where((eb) => eb.between('e.evaluated_on', window.from, window.to))
    .groupBy([key, 'e.level']);
  if (byPrefix) {
    const ranges = codes.map(divisionRange);
    // one enclosing range first: with only the ORs, SQLite's planner leaves the covering index for the day index
    query = query
      .where((eb) =>
        eb.between(
          key,
          ranges.map(([lo]) => lo).sort()[0]!,
          ranges
            .map(([, hi]) => hi)
            .sort()
            .at(-1)!,
        ),
      )
      .where((eb) => eb.or(ranges.map(([lo, hi]) => eb.between(key, lo, hi))));
  } else query = query.where(key, 'in', [...codes]);
  const groups = ((await query.execute()) as Record<string, unknown>[]).map(toGroup);
  return codes.map((code) => {
    const [lo, hi] = byPrefix ? divisionRange(code) : [code, code];
    return summarize(
      groups.filter((g) => g.code >= lo && g.code <= hi),
      window,
    );
  });
}

// PostgreSQL answers COUNT and SUM as strings (bigint), SQLite as numbers
function toGroup(row: Record<string, unknown>): Group {
  const num = (value: unknown) => Number(value ?? 0);
  return {
    code: String(row.code),
    level: row.level as EvaluationLevel,
    n: num(row.n),
    rectified: num(row.rectified),
    overdue: num(row.overdue),
    rated: num(row.rated),
    sums: Object.fromEntries(DIMENSIONS.map((d) => [d, num(row[d])])) as Group['sums'],
  };
}

/** Rolls (code, level) groups up into the published figures of one key. */
function summarize(groups: readonly Group[], window: DateWindow): Satisfaction {
  const count = (test: (g: Group) => boolean, value: (g: Group) => number = (g) => g.n) => groups.filter(test).reduce((s, g) => s + value(g), 0);
  const evaluations = count(() => true);
  const rated = count(
    () => true,
    (g) => g.rated,
  );
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  const satisfied = count((g) => SATISFIED_LEVELS.includes(g.level));
  const total = (d: (typeof DIMENSIONS)[number]) =>
    count(
      () => true,
      (g) => g.sums[d],
    );
  return {
    ...window,
    evaluations,
    byLevel: LEVELS.map((level) => ({ level, count: count((g) => g.level === level) })),
    satisfied,
    satisfactionRate: evaluations === 0 ? null : round(satisfied / evaluations, 4),
    badReviews: count((g) => isBadReview(g.level)),
    rectified: count(
      () => true,
      (g) => g.rectified,
    ),
    overdueRectifications: count(
      () => true,
      (g) => g.overdue,
    ),
    averageDimensions:
      rated === 0
        ? null
        : {
            ratings: rated,
            ...(Object.fromEntries(DIMENSIONS.map((d) => [d, round(total(d) / rated, 2)])) as Record<(typeof DIMENSIONS)[number], number>),
            ...(Object.fromEntries(DIMENSIONS.map((d) => [`${d}Total`, total(d)])) as Record<`${(typeof DIMENSIONS)[number]}Total`, number>),
          },
  };
}
