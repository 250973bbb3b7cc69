/** Calendar arithmetic on YYYY-MM-DD strings (UTC midnight, so no time zone shifts). */

const DAY = 86_400_000;

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function weekOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shiftDays(date, -((weekday + 6) % 7));
}

/** YYYY-MM of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The same day `years` later (29 February becomes 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** The date and time now in China, ISO 8601 with +08:00. */
export function nowInChina(now: Date = new Date()): string {
  return `${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The first day of the month after the one `month` (YYYY-MM) names. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
