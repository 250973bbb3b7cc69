import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkResidentId, makeResidentId, residentIdCheckChar, residentIdFacts } from './resident-id.js';
import { adjacentTranspositions, birthDateArb, divisionCodeArb, sequenceArb, singleCharacterChanges } from './arbitraries.js';

const DIGITS = '0123456789';
const allowedAt = (i: number) => (i === 17 ? `${DIGITS}X` : DIGITS);
const validIdArb = fc.tuple(divisionCodeArb, birthDateArb, sequenceArb).map(([d, b, s]) => makeResidentId(d, b, s));
const TODAY = '2024-06-15';

describe('checkResidentId properties', () => {
  it('accepts every generated valid number', () => {
    fc.assert(fc.property(validIdArb, (id) => checkResidentId(id) === null), { numRuns: 200 });
  });

  it('rejects every single-character change of a valid number', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        // one expect per run, not per change: expect() costs more than the check
        const accepted = singleCharacterChanges(id, allowedAt).filter((changed) => checkResidentId(changed) === null);
        expect(accepted).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validIdArb, (id) => adjacentTranspositions(id).every((swapped) => checkResidentId(swapped) !== null)),
      { numRuns: 200 },
    );
  });

  it('reads back the parts it was made from', () => {
    fc.assert(
      fc.property(divisionCodeArb, birthDateArb, sequenceArb, (division, birth, sequence) => {
        const facts = residentIdFacts(makeResidentId(division, birth, sequence));
        expect(facts).toEqual({
          division,
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
          gender: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkResidentId examples', () => {
  it('accepts the domain example 11010519491231002X', () => {
    expect(checkResidentId('11010519491231002X')).toBeNull();
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it.each([
    ['1101051949123100', 'must be 18 characters, got 16'],
    ['11010519491231002X0', 'must be 18 characters, got 19'],
    ['110105491231002', 'must be 18 characters, got 15; 15-digit first-generation numbers are no longer valid'],
    ['', 'must be 18 characters, got 0'],
    ['1101O519491231002X', 'character O is not allowed at position 5'],
    ['11010519491231002x', 'check character must be an uppercase X, got lowercase x'],
    ['1101051949123100X2', 'character X is not allowed at position 17'],
    ['11010519491231002 ', 'character U+0020 is not allowed at position 18'],
    ['１1010519491231002X', 'character １ (U+FF11) is not allowed at position 1'],
    ['000000194912310020', 'division code 000000 is not a valid administrative division code: province part 00 is outside 11–82'],
    ['910105194912310020', 'division code 910105 is not a valid administrative division code: province part 91 is outside 11–82'],
    ['110001194912310020', 'division code 110001 is not a valid administrative division code: county part 01 cannot follow prefecture part 00'],
    ['110105199902310020', 'birth date 19990231 does not exist'],
    ['110105190002290020', 'birth date 19000229 does not exist'],
    ['110105209901010020', 'birth date 20990101 is in the future'],
    ['110105179912310020', 'birth date 17991231 is before 1800'],
    ['110105194912310025', 'check character should be X, got 5'],
  ])('%s: %s', (value, reason) => {
    expect(checkResidentId(value, TODAY)).toBe(reason);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkResidentId('😀'.repeat(18))).toBe('character 😀 (U+1F600) is not allowed at position 1');
  });

  it('accepts a birth on the day itself and a leap day', () => {
    expect(checkResidentId(makeResidentId('110105', '20240615', 1), TODAY)).toBeNull();
    expect(checkResidentId(makeResidentId('110105', '20000229', 1), TODAY)).toBeNull();
    expect(checkResidentId(makeResidentId('110105', '20240615', 1), '2024-06-14')).toBe('birth date 20240615 is in the future');
  });

  it('does not leak the full number in any reason', () => {
    const id = '110105194912310025';
    expect(checkResidentId(id)).not.toContain(id);
  });
});

describe('makeResidentId and residentIdFacts', () => {
  it('makes the domain example back from its parts', () => {
    expect(makeResidentId('110105', '19491231', 2)).toBe('11010519491231002X');
    expect(residentIdFacts('11010519491231002X')).toEqual({ division: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(residentIdFacts(makeResidentId('110105', '19491231', 1)).gender).toBe('MALE');
  });

  it('refuses parts that do not make a valid number', () => {
    expect(() => makeResidentId('110105', '19491231', 1000)).toThrow(/sequence must be an integer 0–999/);
    expect(() => makeResidentId('110105', '19491231', 1.5)).toThrow(RangeError);
    expect(() => makeResidentId('11010', '19491231', 1)).toThrow(/division must be 6 digits/);
    expect(() => makeResidentId('110105', '19990231', 1)).toThrow('birth date 19990231 does not exist');
    expect(() => residentIdFacts('110105194912310025')).toThrow('check character should be X, got 5');
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
  });
});
