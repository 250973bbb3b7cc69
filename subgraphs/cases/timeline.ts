import type { CaseStatus } from './lifecycle.js';
import type { WorkingCalendar } from '../../platform/working-days.js';
import { calendar } from './calendar.js';
import type { Case, CaseEvent } from './entities.js';
import { CLOCK_RUNNING } from './lifecycle.js';

/** What a case's timeline implies, stored on the case so figures need no replay. */
export type CaseFacts = Pick<
  Case,
  'status' | 'submittedOn' | 'acceptedOn' | 'decidedOn' | 'dueDate' | 'suspendedDays' | 'suspendedSince' | 'overdueDays' | 'handlingDays'
>;

const dateOf = (at: string) => at.slice(0, 10);

/**
 * Replays a timeline (oldest first) into the stored facts. The time limit runs
 * in working days from acceptance and stops while the case is SUSPENDED, so the
 * due date moves by the working days of each ended suspension. Lateness is
 * frozen when the clock stops: at the decision, at a suspension still open, or
 * at a withdrawal (撤回), which ends any suspension. A withdrawn case is never
 * decided (no decision day, no handling days: it is in no on-time rate), but one
 * withdrawn after its due date stays overdue by the days it was late then, so a
 * withdrawal cannot clean a late case out of an agency's figures.
 */
export function caseFacts(events: readonly Pick<CaseEvent, 'at' | 'status'>[], promisedLimitDays: number, cal: WorkingCalendar = calendar()): CaseFacts {
  const first = events[0];
  if (!first || first.status !== 'SUBMITTED') throw new Error('a timeline starts with its submission');
  let acceptedOn: string | null = null;
  let decidedOn: string | null = null;
  let suspendedSince: string | null = null;
  let suspendedDays = 0;
  let withdrawnOn: string | null = null;
  for (const event of events) {
    const day = dateOf(event.at);
    if (event.status === 'ACCEPTED') acceptedOn = day;
    if (event.status === 'SUSPENDED') suspendedSince = day;
    if ((event.status === 'UNDER_REVIEW' || event.status === 'WITHDRAWN') && suspendedSince) {
      suspendedDays += Math.max(0, cal.workingDaysBetween(suspendedSince, day));
      suspendedSince = null;
    }
    if (event.status === 'APPROVED' || event.status === 'REFUSED') decidedOn = day;
    if (event.status === 'WITHDRAWN') withdrawnOn = day;
  }
  const status = events.at(-1)!.status;
  const dueDate = acceptedOn === null ? null : cal.addWorkingDays(acceptedOn, promisedLimitDays + suspendedDays);
  const lateBy = (day: string) => (dueDate === null ? 0 : Math.max(0, cal.workingDaysBetween(dueDate, day)));
  let overdueDays: number | null = 0;
  if (CLOCK_RUNNING.includes(status)) overdueDays = null;
  else if (status === 'SUSPENDED') overdueDays = lateBy(suspendedSince!);
  else if (decidedOn) overdueDays = lateBy(decidedOn);
  else if (withdrawnOn) overdueDays = lateBy(withdrawnOn);
  const handlingDays = decidedOn && acceptedOn ? cal.workingDaysBetween(acceptedOn, decidedOn) - suspendedDays : null;
  return { status, submittedOn: dateOf(first.at), acceptedOn, decidedOn, dueDate, suspendedDays, suspendedSince, overdueDays, handlingDays };
}

/** The clock of a case as of `today`: what Case.dueDate, suspendedWorkingDays and overdueWorkingDays show. */
export interface Clock {
  dueDate: string | null;
  suspendedWorkingDays: number;
  overdueWorkingDays: number;
}

export function clockOn(
  c: Pick<Case, 'status' | 'dueDate' | 'suspendedDays' | 'suspendedSince' | 'overdueDays'>,
  today: string,
  cal: WorkingCalendar = calendar(),
): Clock {
  // a suspension still open stops the clock until today: the due date moves on with it
  const current = c.status === 'SUSPENDED' && c.suspendedSince ? Math.max(0, cal.workingDaysBetween(c.suspendedSince, today)) : 0;
  const dueDate = c.dueDate && current ? cal.addWorkingDays(c.dueDate, current) : c.dueDate;
  const overdueWorkingDays = c.overdueDays ?? (c.dueDate ? Math.max(0, cal.workingDaysBetween(c.dueDate, today)) : 0);
  return { dueDate, suspendedWorkingDays: c.suspendedDays + current, overdueWorkingDays };
}

/**
 * The last working day on or before `today`. A case whose clock runs is overdue
 * exactly when its due date is before that day, which SQL can test with an index.
 */
export function lastWorkingDay(today: string, cal: WorkingCalendar = calendar()): string {
  let day = today;
  while (!cal.isWorkingDay(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return day;
}

/** Trips the applicant made in person: submission, supplementary materials (resumption) and delivery at a hall. The supply figures count the same in SQL (`visits` in figures.ts): change both. */
export function inPersonVisits(events: readonly Pick<CaseEvent, 'status' | 'channel'>[]): number {
  let visits = 0;
  let previous: CaseStatus | null = null;
  for (const event of events) {
    const needsApplicant = event.status === 'SUBMITTED' || event.status === 'DELIVERED' || (event.status === 'UNDER_REVIEW' && previous === 'SUSPENDED');
    if (needsApplicant && event.channel === 'SERVICE_HALL') visits += 1;
    previous = event.status;
  }
  return visits;
}
