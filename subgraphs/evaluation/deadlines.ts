import { defaultCalendar } from '../../platform/working-days.js';
import { OPEN_STATUSES, type RectificationStatus } from './levels.js';
import { todayInChina } from '../../platform/time.js';

/**
 * Working days a department has to put a bad review right, counted from the
 * day of the review (Sichuan's rule: every bad review called back and
 * rectified within 15 working days). Change it here; the calendar's holidays
 * and make-up days come from platform/working-days.ts.
 */
export const RECTIFICATION_WORKING_DAYS = 15;

/** Last day to close the rectification of a review given on `reviewedOn` (YYYY-MM-DD). */
export function rectificationDeadline(reviewedOn: string): string {
  return defaultCalendar().addWorkingDays(reviewedOn, RECTIFICATION_WORKING_DAYS);
}

type Due = { status: RectificationStatus; deadline: string };

/** Still open after its deadline day (the same test the SQL filters and figures use). */
export function isOverdue(rectification: Due, today = todayInChina()): boolean {
  return OPEN_STATUSES.includes(rectification.status) && rectification.deadline < today;
}

/** Working days an overdue rectification is past its deadline (0 when not overdue, or on the days off right after it). */
export function overdueWorkingDays(rectification: Due, today = todayInChina()): number {
  return isOverdue(rectification, today) ? defaultCalendar().workingDaysBetween(rectification.deadline, today) : 0;
}
