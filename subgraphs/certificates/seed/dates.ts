/** The generator's day and date comparisons (arithmetic: platform/time.ts). */

/**
 * The day the sample data describes: every certificate is issued on or before
 * it. Fixed so a seed always yields the same rows; status is computed at read
 * time, so certificates expire as the real calendar passes this day.
 */
export const SAMPLE_DATE = '2026-06-30';

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
