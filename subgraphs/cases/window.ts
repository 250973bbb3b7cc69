import { BadInputError } from '../../platform/errors.js';
import { divisionLevel } from '../../platform/identifiers/index.js';

/** The longest window figures are computed over. */
export const MAX_WINDOW_YEARS = 3;

/**
 * Checks a figures window (dates already checked by the Date scalar).
 *
 * @throws BadInputError naming `to` when it is before `from` or more than 3 years after it
 */
export function checkWindow(from: string, to: string): void {
  if (from > to) throw new BadInputError(`must not be before from (${from})`, 'to');
  const limit = `${Number(from.slice(0, 4)) + MAX_WINDOW_YEARS}${from.slice(4)}`;
  if (to > limit) throw new BadInputError(`the window from ${from} may last at most ${MAX_WINDOW_YEARS} years (to ${limit}), got ${to}`, 'to');
}

/**
 * The division codes a region covers, as an inclusive range: a province its
 * 2-digit prefix, a prefecture its 4-digit prefix, a county itself. A range on
 * region_code uses the index where LIKE 'xx%' may not.
 */
export function regionRange(code: string): [string, string] {
  const level = divisionLevel(code);
  const prefix = level === 'PROVINCE' ? code.slice(0, 2) : level === 'PREFECTURE' ? code.slice(0, 4) : code;
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}

/** Whether a division code lies in a region's range. */
export const inRange = ([low, high]: [string, string], code: string) => code >= low && code <= high;

/** DataLoader key of a figure over a window. */
export const windowKey = (code: string, from: string, to: string) => `${code}|${from}|${to}`;

/** Keys grouped by window: one SQL statement per window, all codes at once. */
export function byWindow(keys: readonly string[]): Map<string, { from: string; to: string; codes: string[] }> {
  const groups = new Map<string, { from: string; to: string; codes: string[] }>();
  for (const key of keys) {
    // dates never hold '|'; a code from an _entities representation might: it is everything before them
    const parts = key.split('|');
    const [from, to] = parts.slice(-2) as [string, string];
    const code = parts.slice(0, -2).join('|');
    const group = groups.get(`${from}|${to}`) ?? { from, to, codes: [] };
    group.codes.push(code);
    groups.set(`${from}|${to}`, group);
  }
  return groups;
}
