/** Date arithmetic on YYYY-MM-DD strings for the generator (UTC days: no time zone can shift them). */

const DAY_MS = 86_400_000;

/**
 * The day the sample data describes: every certificate is issued on or before
 * it. Fixed so a seed always yields the same rows; status is computed at read
 * time, so certificates expire as the real calendar passes this day.
 */
export const SAMPLE_DATE = '2026-06-30';

export function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const monthDay = date.slice(5);
  if (monthDay === '02-29' && !isLeap(Number(year))) return `${year}-02-28`;
  return `${year}-${monthDay}`;
}

/** Whole years of age on `date` of someone born on `birth`. */
export function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The later of two dates. */
export function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
