import { defaultCalendar, type WorkingCalendar } from '../../platform/working-days.js';
import { OPEN_STATUSES, type AppealStatus } from './data/reference.js';
import type { Appeal } from './entities.js';
import { todayInChina } from '../../platform/time.js';

/** The handling steps (mutations) and the statuses each one applies to. */
export const STEPS = {
  dispatchAppeal: { from: ['RECEIVED', 'RETURNED'], to: 'DISPATCHED' },
  returnAppeal: { from: ['DISPATCHED'], to: 'RETURNED' },
  respondToAppeal: { from: ['DISPATCHED'], to: 'RESPONDED' },
  closeAppeal: { from: ['RESPONDED'], to: 'CLOSED' },
} as const satisfies Record<string, { from: readonly AppealStatus[]; to: AppealStatus }>;

export type Step = keyof typeof STEPS;

/** The steps that apply to an appeal in this status, for error messages. */
export function stepsFrom(status: AppealStatus): Step[] {
  return (Object.keys(STEPS) as Step[]).filter((step) => (STEPS[step].from as readonly AppealStatus[]).includes(status));
}

export const isOpen = (status: AppealStatus) => (OPEN_STATUSES as readonly AppealStatus[]).includes(status);

/**
 * Whether the response is late: still open after the deadline, or responded
 * after it. Mirrored in SQL by figures/measures.ts (overdue) and Query.appeals.
 */
export function isOverdue(appeal: Pick<Appeal, 'status' | 'deadline' | 'respondedOn'>, today = todayInChina()): boolean {
  if (appeal.respondedOn !== null) return appeal.respondedOn > appeal.deadline;
  return isOpen(appeal.status) && appeal.deadline < today;
}

/** Working days past the deadline until the response (or today while open); 0 when not overdue. */
export function overdueWorkingDays(
  appeal: Pick<Appeal, 'status' | 'deadline' | 'respondedOn'>,
  today = todayInChina(),
  calendar: WorkingCalendar = defaultCalendar(),
): number {
  if (!isOverdue(appeal, today)) return 0;
  return calendar.workingDaysBetween(appeal.deadline, appeal.respondedOn ?? today);
}
