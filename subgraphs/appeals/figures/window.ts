import { BadInputError } from '../../../platform/errors.js';
import { addYears } from '../dates.js';

/** The longest window figures are computed over. */
export const MAX_WINDOW_YEARS = 3;

/** Refuses a window that is reversed or longer than three years, naming the argument. */
export function checkWindow(from: string, to: string): void {
  if (from > to) throw new BadInputError(`must not be before from (${from})`, 'to');
  if (to > addYears(from, MAX_WINDOW_YEARS)) throw new BadInputError(`the window from ${from} may be at most ${MAX_WINDOW_YEARS} years long`, 'to');
}

/** The key of the whole country in figure loaders. */
export const COUNTRY = '*';

/**
 * The division codes a division contains, as an inclusive range: a province
 * (XX0000) holds XX0000–XX9999, a prefecture (XXYY00) XXYY00–XXYY99, a county
 * only itself. A range of digit strings compares the same under any collation
 * and uses the (region_code, …) indexes.
 */
export function divisionRange(code: string): [string, string] {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}

/** Whether a county code lies in a division (COUNTRY contains everything). */
export function contains(division: string, code: string): boolean {
  if (division === COUNTRY) return true;
  const [low, high] = divisionRange(division);
  return code >= low && code <= high;
}

/** A figure loader's key: the division (or COUNTRY) and the window, plus any other arguments. */
export const figureKey = (division: string | null | undefined, from: string, to: string, ...rest: (string | null | undefined)[]) =>
  JSON.stringify([division ?? COUNTRY, from, to, ...rest.map((r) => r ?? '')]);

/**
 * Splits keys by everything but the division (the window and other arguments),
 * so each group is one SQL statement.
 */
export function groupByWindow(keys: readonly string[]): Map<string, { args: string[]; divisions: string[] }> {
  const groups = new Map<string, { args: string[]; divisions: string[] }>();
  for (const key of keys) {
    const [division, ...args] = JSON.parse(key) as string[];
    const id = JSON.stringify(args);
    const group = groups.get(id) ?? { args, divisions: [] };
    group.divisions.push(division!);
    groups.set(id, group);
  }
  return groups;
}

/** The key of one division in a group of groupByWindow. */
export const keyIn = (division: string, args: readonly string[]) => JSON.stringify([division, ...args]);
