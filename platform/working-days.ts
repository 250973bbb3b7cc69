import { readFileSync } from 'node:fs';

// one definition of "today in China", shared with the identifier checks

/**
 * Time limits of government services run in working days: weekends and public
 * holidays do not count, and make-up working days (调休, a Saturday or Sunday
 * worked in exchange for a longer holiday) do. Dates are calendar dates in
 * China (YYYY-MM-DD); the day a clock starts does not count, the next working
 * day is day 1.
 */
export interface CalendarConfig {
  /** public holidays that fall on weekdays or weekends (YYYY-MM-DD) */
  holidays: readonly string[];
  /** weekend days that are worked (调休) */
  workdays: readonly string[];
}

/**
 * The State Council's published schedules for 2025 and 2026 as the default.
 * Deployments set WORKING_DAY_CALENDAR to a JSON file of the same shape to add
 * years or correct them; nothing else needs to change.
 */
export const CHINA_CALENDAR: CalendarConfig = {
  holidays: [
    ...range('2025-01-01', '2025-01-01'),
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  workdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** the date `days` working days after `from` (0 = `from` itself) */
  addWorkingDays(from: string, days: number): string;
  /** working days after `from` up to and including `to`; negative when `to` is before `from` */
  workingDaysBetween(from: string, to: string): number;
}

export function workingCalendar(config: CalendarConfig = CHINA_CALENDAR): WorkingCalendar {
  const holidays = new Set(config.holidays);
  const workdays = new Set(config.workdays);
  const isWorkingDay = (date: string) => {
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(from, days) {
      let date = from;
      for (let left = days; left > 0;) {
        date = nextDay(date);
        if (isWorkingDay(date)) left -= 1;
      }
      return date;
    },
    workingDaysBetween(from, to) {
      if (to < from) return -this.workingDaysBetween(to, from);
      let count = 0;
      for (let date = nextDay(from); date <= to; date = nextDay(date)) if (isWorkingDay(date)) count += 1;
      return count;
    },
  };
}

let configured: WorkingCalendar | undefined;
/** The deployment's calendar: WORKING_DAY_CALENDAR (a JSON CalendarConfig file), else CHINA_CALENDAR. */
export function defaultCalendar(): WorkingCalendar {
  const file = process.env.WORKING_DAY_CALENDAR;
  configured ??= workingCalendar(file ? (JSON.parse(readFileSync(file, 'utf8')) as CalendarConfig) : CHINA_CALENDAR);
  return configured;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let date = from; date <= to; date = nextDay(date)) out.push(date);
  return out;
}
