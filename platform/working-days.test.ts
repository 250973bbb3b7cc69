import { describe, expect, it } from 'vitest';
import { workingCalendar } from './working-days.js';

const cal = workingCalendar();

describe('working-day calendar', () => {
  it('skips weekends and holidays and counts make-up working days', () => {
    expect(cal.isWorkingDay('2025-11-22')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-10-03')).toBe(false); // National Day
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // make-up Sunday
    // Friday 2025-09-26 + 3 working days: Sun 28 (make-up), Mon 29, Tue 30
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    // across the Golden Week: Tue 30 + 1 -> Thu 9 Oct
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('counts working days between dates both ways', () => {
    expect(cal.workingDaysBetween('2025-11-21', '2025-11-28')).toBe(5);
    expect(cal.workingDaysBetween('2025-11-28', '2025-11-21')).toBe(-5);
    expect(cal.workingDaysBetween('2025-11-21', '2025-11-21')).toBe(0);
  });

  it('takes a configured calendar', () => {
    const custom = workingCalendar({ holidays: ['2025-11-24'], workdays: ['2025-11-22'] });
    expect(custom.addWorkingDays('2025-11-21', 2)).toBe('2025-11-25');
  });
});
