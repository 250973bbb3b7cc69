import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, fromDay, nowInChina, toDay, todayInChina } from './time.js';

const utcDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('time in China', () => {
  it('is UTC+8 whatever the server zone: 16:00 UTC is already the next day', () => {
    const at = new Date('2026-12-31T16:00:00Z');
    expect(todayInChina(at)).toBe('2027-01-01');
    expect(nowInChina(at)).toBe('2027-01-01T00:00:00+08:00');
    expect(todayInChina(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
  });

  it('counts days as the Gregorian calendar does, across leap days and centuries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2199-12-31') }), fc.integer({ min: -4000, max: 4000 }), (day, days) => {
        const date = fromDay(day);
        expect(toDay(date)).toBe(day);
        expect(addDays(date, days)).toBe(utcDate(date, days));
      }),
    );
  });

  it('ends a period of years on the corresponding day, or the last day of the month (Civil Code art. 202)', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-03-01', 3)).toBe('2026-03-01');
    expect(addYears('2026-12-31', -1)).toBe('2025-12-31');
  });
});
