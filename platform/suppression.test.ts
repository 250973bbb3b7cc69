import { describe, expect, it } from 'vitest';
import { MIN_PEOPLE, spreadOf, suppressedCells } from './suppression.js';

describe('small-cell suppression', () => {
  it('publishes cells of at least 10 people, and empty ones', () => {
    expect(MIN_PEOPLE).toBe(10);
    expect(suppressedCells([10, 25, 0])).toEqual([false, false, false]);
  });
  it('suppresses 1..9 people', () => {
    expect(suppressedCells([9, 1, 40, 50])).toEqual([true, true, false, false]);
  });
  it('suppresses the smallest other non-empty cell when one alone would be suppressed', () => {
    expect(suppressedCells([3, 40, 12, 0])).toEqual([true, false, true, false]);
    expect(suppressedCells([50, 9, 30, 30])).toEqual([false, true, true, false]);
  });
  it('has no partner for a cell that is the whole table', () => {
    expect(suppressedCells([0, 4, 0])).toEqual([false, true, false]);
  });
  it('never leaves exactly one suppressed cell where another holds people', () => {
    for (let a = 0; a < 14; a++)
      for (let b = 0; b < 14; b++)
        for (let c = 0; c < 14; c++) {
          const flags = suppressedCells([a, b, c]);
          const nonEmpty = [a, b, c].filter((p) => p > 0).length;
          if (nonEmpty > 1) expect(flags.filter(Boolean).length, `${a} ${b} ${c}`).not.toBe(1);
          [a, b, c].forEach((p, i) => p > 0 && p < 10 && expect(flags[i]).toBe(true));
        }
  });
});

describe('spreads', () => {
  it('takes the highest and lowest published value', () => {
    expect(
      spreadOf([
        { key: 'A', value: 0.5 },
        { key: 'B', value: null },
        { key: 'C', value: 0.25 },
        { key: 'D', value: 0.75 },
      ]),
    ).toEqual({ highest: 'D', highestValue: 0.75, lowest: 'C', lowestValue: 0.25, difference: 0.5 });
  });
  it('is empty with fewer than two values', () => {
    expect(
      spreadOf([
        { key: 'A', value: 1 },
        { key: 'B', value: null },
      ]).difference,
    ).toBeNull();
  });
});
