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
 * Refuses a window that runs backwards or lasts more than MAX_WINDOW_YEARS, naming `to`. The
 * longest window ends on the corresponding day MAX_WINDOW_YEARS later (addYears: 2024-02-29 to
 * 2027-02-28), so every department answers the same window the same way.
 */
export function checkWindow({ from, to }: DateWindow): void {
  if (from > to) throw new BadInputError(`must not be before from (${from})`, 'to');
  const last = addYears(from, MAX_WINDOW_YEARS);
  if (to > last) throw new BadInputError(`the window from ${from} may last at most ${MAX_WINDOW_YEARS} years: to must be on or before ${last}, got ${to}`, 'to');
}
