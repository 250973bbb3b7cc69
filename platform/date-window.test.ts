import { describe, expect, it } from 'vitest';
import { checkDateOrder, checkWindow } from './date-window.js';
import { GovError } from './errors.js';
import { divisionRange, withinDivision } from './identifiers/index.js';

const refusal = (from: string, to: string) => {
  try {
    checkWindow({ from, to });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GovError);
    return { code: (error as GovError).extensions.code, argument: (error as GovError).extensions.argument, message: (error as Error).message };
  }
};

describe('figure windows', () => {
  it('last at most three years, ending on the corresponding day: a leap day ends on 28 February', () => {
    expect(refusal('2023-01-01', '2026-01-01')).toBeNull();
    expect(refusal('2024-02-29', '2027-02-28')).toBeNull();
    // what appeals accepted (it ended on 1 March) and cases refused: now refused everywhere
    expect(refusal('2024-02-29', '2027-03-01')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
      message: expect.stringMatching(/on or before 2027-02-28/),
    });
    expect(refusal('2023-01-01', '2026-01-02')).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });

  it('do not run backwards; one day is a window', () => {
    expect(refusal('2026-01-02', '2026-01-01')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
      message: expect.stringMatching(/must not be before from/),
    });
    expect(refusal('2026-01-01', '2026-01-01')).toBeNull();
  });
});

describe('date filters', () => {
  it('refuse an end before the start, naming the end; either end may be left out', () => {
    let refused: unknown;
    try {
      checkDateOrder('2026-01-02', '2026-01-01', ['submittedFrom', 'submittedTo']);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GovError);
    expect((refused as GovError).message).toBe('submittedTo: must not be before submittedFrom (2026-01-02)');
    expect((refused as GovError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'submittedTo' });
    for (const [from, to] of [
      ['2026-01-01', '2026-01-01'],
      ['2026-01-02', null],
      [undefined, '2026-01-01'],
    ] as const)
      expect(() => checkDateOrder(from, to)).not.toThrow();
  });
});

describe('division ranges', () => {
  it('cover a division and every division below it', () => {
    expect(divisionRange('510000')).toEqual(['510000', '519999']);
    expect(divisionRange('510100')).toEqual(['510100', '510199']);
    expect(divisionRange('510104')).toEqual(['510104', '510104']);
    expect(withinDivision('510000', '510104')).toBe(true);
    expect(withinDivision('510100', '510104')).toBe(true);
    expect(withinDivision('510100', '510200')).toBe(false);
    expect(withinDivision('510104', '510105')).toBe(false);
  });

  it('match nothing but themselves for a malformed key, rather than fail the request', () => {
    expect(divisionRange('51')).toEqual(['51', '51']);
    expect(withinDivision('5100%', '510104')).toBe(false);
  });
});
