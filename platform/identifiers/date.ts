/**
 * Calendar dates as the graph carries them: ISO 8601 / RFC 3339 full-date
 * strings, YYYY-MM-DD, Gregorian calendar. A date is kept as a string, not a
 * JS Date, because a Date is an instant and turns into the wrong day as soon
 * as someone formats it in another time zone.
 */

/** Whether year-month-day is a real day of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Checks an ISO calendar date YYYY-MM-DD (years 0001–9999).
 *
 * @returns null when the value is a real date, otherwise the reason, e.g.
 *   "date 2023-02-29 does not exist"
 */
export function checkDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    // A timestamp is the usual mistake; say so instead of only "wrong form".
    if (/^\d{4}-\d{2}-\d{2}[T ]/.test(value)) return `must be a date YYYY-MM-DD without a time, got "${shorten(value)}"`;
    // Echo at most a short prefix: the value came from outside and may be huge.
    return `must be a date in the form YYYY-MM-DD, got "${shorten(value)}"`;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // There is no year 0 in the Gregorian calendar as people use it (1 BC is
  // followed by AD 1); a 0000 here is a data entry error, not a date.
  if (year === 0 || !isRealDate(year, month, day)) return `date ${value} does not exist`;
  return null;
}

function shorten(value: string): string {
  const chars = Array.from(value);
  return chars.length > 32 ? `${chars.slice(0, 32).join('')}…` : value;
}
