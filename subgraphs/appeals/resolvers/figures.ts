import { BadInputError } from '../../../platform/errors.js';
import type { Context } from '../context.js';
import { CATEGORY_LIST } from '../data/reference.js';
import type { DemandFigures } from '../figures/demand.js';
import type { DemandPeriod, Interval } from '../figures/trend.js';
import type { UnmetDemand } from '../figures/unmet.js';
import { COUNTRY } from '../figures/divisions.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';

/**
 * The figure fields shared by Region and Query: the window is checked before
 * anything is loaded; a null division means the whole country.
 */
export function demandOf(division: string | null | undefined, from: string, to: string, { loaders }: Context): Promise<DemandFigures> {
  checkWindow({ from, to });
  return loaders.demand.load(windowKey(division ?? COUNTRY, from, to));
}

export function trendOf(
  division: string | null | undefined,
  from: string,
  to: string,
  interval: Interval,
  category: string | null | undefined,
  { loaders }: Context,
): Promise<DemandPeriod[]> {
  checkWindow({ from, to });
  return loaders.trend.load(windowKey(division ?? COUNTRY, from, to, interval, category));
}

export async function unmetOf(
  division: string | null | undefined,
  from: string,
  to: string,
  first: number | null | undefined,
  everyRow: boolean | null | undefined,
  { loaders }: Context,
): Promise<UnmetDemand[]> {
  checkWindow({ from, to });
  const limit = first ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > CATEGORY_LIST.length) {
    throw new BadInputError(`must be between 1 and ${CATEGORY_LIST.length} (the number of categories), got ${limit}`, 'first');
  }
  const ranked = await loaders.unmet.load(windowKey(division ?? COUNTRY, from, to));
  // everyRow (@inaccessible): the jurisdiction router combines the country's ranking from every category
  return everyRow ? ranked : ranked.filter((u) => u.score > 0).slice(0, limit);
}
