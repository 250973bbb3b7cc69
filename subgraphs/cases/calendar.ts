import { defaultCalendar, type WorkingCalendar } from '../../platform/working-days.js';

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;

/**
 * The same answers as `base`, in constant time: a table of working-day ordinals
 * over [from, to] replaces the day-by-day walk (a million sample cases ask it
 * millions of times). Dates outside the table go to `base`.
 */
export function indexedCalendar(base: WorkingCalendar, from = '2000-01-01', to = '2099-12-31'): WorkingCalendar {
  const first = dayNumber(from);
  const days = dayNumber(to) - first + 1;
  const dates: string[] = new Array(days);
  // ordinal[i]: working days on or before day i; nth[k]: the day of the (k+1)-th working day
  const ordinal = new Int32Array(days);
  const nth: number[] = [];
  for (let i = 0, count = 0; i < days; i++) {
    dates[i] = new Date((first + i) * DAY).toISOString().slice(0, 10);
    if (base.isWorkingDay(dates[i]!)) {
      count += 1;
      nth.push(i);
    }
    ordinal[i] = count;
  }
  const index = (date: string) => {
    const i = date.length === 10 ? dayNumber(date) - first : NaN;
    return i >= 0 && i < days ? i : -1;
  };
  return {
    isWorkingDay: (date) => {
      const i = index(date);
      return i < 0 ? base.isWorkingDay(date) : nth[ordinal[i]! - 1] === i;
    },
    addWorkingDays: (date, n) => {
      const i = index(date);
      const target = i < 0 ? undefined : nth[ordinal[i]! + n - 1];
      return n <= 0 || target === undefined ? base.addWorkingDays(date, n) : dates[target]!;
    },
    workingDaysBetween: (a, b) => {
      const [i, j] = [index(a), index(b)];
      return i < 0 || j < 0 ? base.workingDaysBetween(a, b) : ordinal[j]! - ordinal[i]!;
    },
  };
}

let shared: WorkingCalendar | undefined;
/** The deployment's calendar (platform/working-days.ts), indexed. */
export function calendar(): WorkingCalendar {
  shared ??= indexedCalendar(defaultCalendar());
  return shared;
}
