import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkDate } from './date.js';
import { todayInChina } from '../time.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// What the JS engine's own calendar says, as the oracle for the property.
function existsPerJs(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe('checkDate', () => {
  it('agrees with the Gregorian calendar for any YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(checkDate(value) === null).toBe(existsPerJs(y, m, d));
      }),
      { numRuns: 300 },
    );
  });

  it.each(['2024-02-29', '2000-02-29', '1949-10-01', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(checkDate(value)).toBeNull();
  });

  it.each([
    ['2023-02-29', 'date 2023-02-29 does not exist'],
    ['1900-02-29', 'date 1900-02-29 does not exist'],
    ['2024-04-31', 'date 2024-04-31 does not exist'],
    ['2024-13-01', 'date 2024-13-01 does not exist'],
    ['2024-00-10', 'date 2024-00-10 does not exist'],
    ['0000-01-01', 'date 0000-01-01 does not exist'],
    ['2024-1-1', 'must be a date in the form YYYY-MM-DD, got "2024-1-1"'],
    ['20240101', 'must be a date in the form YYYY-MM-DD, got "20240101"'],
    ['2024-01-01T00:00:00Z', 'must be a date YYYY-MM-DD without a time, got "2024-01-01T00:00:00Z"'],
    ['2024-01-01 08:00', 'must be a date YYYY-MM-DD without a time, got "2024-01-01 08:00"'],
    ['x'.repeat(10_000), `must be a date in the form YYYY-MM-DD, got "${'x'.repeat(32)}…"`],
    ['２０２４-01-01', 'must be a date in the form YYYY-MM-DD, got "２０２４-01-01"'],
  ])('%s: %s', (value, reason) => {
    expect(checkDate(value)).toBe(reason);
  });
});

describe('todayInChina', () => {
  it('is a day ahead of UTC from 16:00 UTC', () => {
    expect(todayInChina(new Date('2024-06-15T15:59:59Z'))).toBe('2024-06-15');
    expect(todayInChina(new Date('2024-06-15T16:00:00Z'))).toBe('2024-06-16');
  });
});
