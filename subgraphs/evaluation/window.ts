import { BadInputError } from '../../platform/errors.js';

/** The longest window figures are computed over, in years. */
export const MAX_WINDOW_YEARS = 3;

/** A window of days in China, both ends included (YYYY-MM-DD). */
export interface Window {
  from: string;
  to: string;
}

/** Refuses a window that runs backwards or is longer than MAX_WINDOW_YEARS, naming `to`. */
export function checkWindow({ from, to }: Window): void {
  if (from > to) throw new BadInputError(`must not be before from (${from})`, 'to');
  const limit = `${String(Number(from.slice(0, 4)) + MAX_WINDOW_YEARS).padStart(4, '0')}${from.slice(4)}`;
  if (to > limit) throw new BadInputError(`the window may span at most ${MAX_WINDOW_YEARS} years: to must be on or before ${limit}`, 'to');
}

/**
 * The codes a division covers, itself and every division below it, as one
 * range of codes (GB/T 2260 codes nest by prefix): a range rather than LIKE,
 * so that both SQLite and PostgreSQL use the (region_code, …) index.
 */
export function divisionRange(code: string): [string, string] {
  if (code.endsWith('0000')) return [code, `${code.slice(0, 2)}9999`];
  if (code.endsWith('00')) return [code, `${code.slice(0, 4)}99`];
  return [code, code];
}
