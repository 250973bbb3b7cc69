import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, workingCalendar } from '../../platform/working-days.js';
import type { CaseEvent } from './entities.js';
import { caseFacts, clockOn, lastWorkingDay } from './timeline.js';

// 2026: National Day 10-01..10-07 off, Saturday 10-10 worked (调休)
const cal = workingCalendar(CHINA_CALENDAR);
const at = (day: string, status: CaseEvent['status']) => ({ at: `${day}T10:00:00+08:00`, status });
const accepted = [at('2026-09-28', 'SUBMITTED'), at('2026-09-28', 'ACCEPTED'), at('2026-09-28', 'UNDER_REVIEW')];

describe('case time limits in working days', () => {
  it('runs from acceptance over holidays and make-up days', () => {
    // 09-29, 09-30, (holiday), 10-08, 10-09, Saturday 10-10
    expect(caseFacts(accepted, 5, cal)).toMatchObject({ acceptedOn: '2026-09-28', dueDate: '2026-10-10', overdueDays: null, handlingDays: null });
  });

  it('stops the clock while suspended and freezes lateness at the decision', () => {
    const events = [...accepted, at('2026-09-29', 'SUSPENDED'), at('2026-10-09', 'UNDER_REVIEW'), at('2026-10-16', 'REFUSED')];
    // suspended 09-30, 10-08, 10-09: due moves from 10-10 by 3 working days to 10-14; decided 2 days late
    expect(caseFacts(events, 5, cal)).toEqual({
      status: 'REFUSED',
      submittedOn: '2026-09-28',
      acceptedOn: '2026-09-28',
      decidedOn: '2026-10-16',
      dueDate: '2026-10-14',
      suspendedDays: 3,
      suspendedSince: null,
      overdueDays: 2,
      handlingDays: 7,
    });
  });

  it('moves the due date on while a suspension lasts, and counts lateness to today while the clock runs', () => {
    const suspended = caseFacts([...accepted, at('2026-09-30', 'SUSPENDED')], 5, cal);
    expect(suspended).toMatchObject({ dueDate: '2026-10-10', suspendedSince: '2026-09-30', overdueDays: 0 });
    expect(clockOn(suspended, '2026-10-13', cal)).toEqual({ dueDate: '2026-10-16', suspendedWorkingDays: 5, overdueWorkingDays: 0 });
    const running = caseFacts(accepted, 5, cal);
    expect(clockOn(running, '2026-10-13', cal)).toEqual({ dueDate: '2026-10-10', suspendedWorkingDays: 0, overdueWorkingDays: 2 });
    // what SQL tests instead: due before the last working day on or before today
    expect(lastWorkingDay('2026-10-04', cal)).toBe('2026-09-30');
    expect(lastWorkingDay('2026-10-11', cal)).toBe('2026-10-10');
    const unaccepted = caseFacts([at('2026-09-28', 'SUBMITTED'), at('2026-09-29', 'NOT_ACCEPTED')], 5, cal);
    expect(clockOn(unaccepted, '2026-12-01', cal)).toEqual({ dueDate: null, suspendedWorkingDays: 0, overdueWorkingDays: 0 });
  });
});

describe('a withdrawn case (撤回)', () => {
  it('is not decided, and is not overdue when withdrawn in time', () => {
    const facts = caseFacts([...accepted, at('2026-10-09', 'WITHDRAWN')], 5, cal);
    expect(facts).toMatchObject({ status: 'WITHDRAWN', decidedOn: null, handlingDays: null, dueDate: '2026-10-10', overdueDays: 0 });
    // the clock stopped at the withdrawal: nothing grows afterwards
    expect(clockOn(facts, '2026-12-01', cal)).toEqual({ dueDate: '2026-10-10', suspendedWorkingDays: 0, overdueWorkingDays: 0 });
  });

  it('stays late by the days it was late when withdrawn, and no more', () => {
    // due Saturday 10-10 (worked); 10-12, 10-13, 10-14 late
    const facts = caseFacts([...accepted, at('2026-10-14', 'WITHDRAWN')], 5, cal);
    expect(facts).toMatchObject({ decidedOn: null, handlingDays: null, overdueDays: 3 });
    expect(clockOn(facts, '2026-12-01', cal).overdueWorkingDays).toBe(3);
  });

  it('ends a suspension: the suspended days count, lateness stays what it was at the suspension', () => {
    const suspendedLate = [...accepted, at('2026-10-13', 'SUSPENDED')];
    expect(caseFacts(suspendedLate, 5, cal).overdueDays).toBe(2);
    const facts = caseFacts([...suspendedLate, at('2026-10-16', 'WITHDRAWN')], 5, cal);
    // 10-14, 10-15, 10-16 suspended: due moves by 3 working days from 10-10 to 10-14
    expect(facts).toMatchObject({ suspendedSince: null, suspendedDays: 3, dueDate: '2026-10-14', overdueDays: 2, decidedOn: null });
    expect(clockOn(facts, '2026-12-01', cal)).toEqual({ dueDate: '2026-10-14', suspendedWorkingDays: 3, overdueWorkingDays: 2 });
  });

  it('withdrawn before acceptance has no clock at all', () => {
    const facts = caseFacts([at('2026-09-28', 'SUBMITTED'), at('2026-10-20', 'WITHDRAWN')], 5, cal);
    expect(facts).toMatchObject({ acceptedOn: null, dueDate: null, overdueDays: 0, decidedOn: null, handlingDays: null });
  });
});
