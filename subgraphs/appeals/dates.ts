/** The weeks and months appeals are counted in (YYYY-MM-DD strings; arithmetic: platform/time.ts). */
import { addDays } from '../../platform/time.js';

/** The Monday of the week a date falls in. */
export function weekOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** YYYY-MM of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The first day of the month after the one `month` (YYYY-MM) names. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
