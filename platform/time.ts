/**
 * Time as government services count it: dates YYYY-MM-DD and times in China Standard Time
 * (UTC+8, no daylight saving since 1991), whatever zone the server runs in. A date is a string,
 * never a JS Date: a Date is an instant and turns into another day in another time zone.
 * Working days (holidays and make-up days) are in working-days.ts.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China, YYYY-MM-DD; `now` is for tests. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date and time now in China, ISO 8601 with +08:00: the form every stored timestamp has. */
export function nowInChina(now: Date = new Date()): string {
  return `${new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

// Days since 1970-01-01 by the civil-calendar arithmetic of H. Hinnant's days_from_civil:
// seeding a million people needs millions of these, and a Date object per call was most of it.

/** Days since 1970-01-01 of a date (negative before). */
export function toDay(date: string): number {
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The date `day` days after 1970-01-01. */
export function fromDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/**
 * The same day `years` later. A period counted in years ends on the corresponding day, and when
 * that month has none, on the month's last day (Civil Code, art. 202): 29 February becomes 28
 * February in a common year, never 1 March.
 */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}
