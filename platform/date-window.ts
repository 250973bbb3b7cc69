import { BadInputError } from './errors.js';
import { addYears } from './time.js';

/** The longest window figures are computed over, in years. */
export const MAX_WINDOW_YEARS = 3;

/** Days in China, both ends included (YYYY-MM-DD, already checked by the Date scalar). */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * Refuses a date filter whose end comes before its start, naming the end's argument; either end
 * may be left out. `names` are the two arguments, e.g. ['submittedFrom', 'submittedTo'].
 */
export function checkDateOrder(from: string | null | undefined, to: string | null | undefined, names: readonly [string, string] = ['from', 'to']): void {
  if (from && to && from > to) throw new BadInputError(`must not be before ${names[0]} (${from})`, names[1]);
}

/**
 * Refuses a window that runs backwards or lasts more than MAX_WINDOW_YEARS, naming `to`. The
 * longest window ends on the corresponding day MAX_WINDOW_YEARS later (addYears: 2024-02-29 to
 * 2027-02-28), so every department answers the same window the same way.
 */
export function checkWindow({ from, to }: DateWindow): void {
  checkDateOrder(from, to);
  const last = addYears(from, MAX_WINDOW_YEARS);
  if (to > last)
    throw new BadInputError(`the window from ${from} may last at most ${MAX_WINDOW_YEARS} years: to must be on or before ${last}, got ${to}`, 'to');
}
