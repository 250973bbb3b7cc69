import { withinDivision } from '../../../platform/identifiers/index.js';

/** The key of the whole country in figure loaders. */
export const COUNTRY = '*';

/** Whether a county code lies in a division (COUNTRY contains everything). */
export function contains(division: string, code: string): boolean {
  return division === COUNTRY || withinDivision(division, code);
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
