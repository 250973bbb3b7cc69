import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckChar, makeCreditCode, organisationCodeCheckChar } from './credit-code.js';
import { adjacentTranspositions, creditCodePartsArb, singleCharacterChanges } from './arbitraries.js';

const validCodeArb = creditCodePartsArb.map((parts) => makeCreditCode(...parts));

describe('checkCreditCode properties', () => {
  it('accepts every generated valid code', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => checkCreditCode(code) === null),
      { numRuns: 200 },
    );
  });

  it('rejects every single-character change of a valid code', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => {
        // one expect per run, not per change: expect() costs more than the check
        const accepted = singleCharacterChanges(code, () => CREDIT_CODE_ALPHABET).filter((changed) => checkCreditCode(changed) === null);
        expect(accepted).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every swap of two adjacent different characters', () => {
    fc.assert(
      fc.property(validCodeArb, (code) => adjacentTranspositions(code).every((swapped) => checkCreditCode(swapped) !== null)),
      { numRuns: 200 },
    );
  });
});

describe('checkCreditCode examples', () => {
  it('accepts the domain example 91110000600037341L', () => {
    expect(checkCreditCode('91110000600037341L')).toBeNull();
    expect(organisationCodeCheckChar('60003734')).toBe('1');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
    expect(makeCreditCode('9', '1', '110000', '60003734')).toBe('91110000600037341L');
  });

  it('accepts codes of national-level registrations (division part 100000)', () => {
    expect(checkCreditCode('11100000000013127D')).toBeNull();
  });

  it.each([
    ['91110000600037341', 'must be 18 characters, got 17'],
    ['91110000600037341LL', 'must be 18 characters, got 19'],
    ['9111O000600037341L', 'character O is not allowed at position 5 (I, O, S, V, Z never occur)'],
    ['91110000600037341I', 'character I is not allowed at position 18 (I, O, S, V, Z never occur)'],
    ['91110000600037341s', 'character s is not allowed at position 18 (I, O, S, V, Z never occur)'],
    ['91110000600037341l', 'letters must be uppercase: got l at position 18, use L'],
    ['9111000060003734-L', 'character - is not allowed at position 17'],
    ['911A0000600037341L', 'character A is not allowed at position 4 (positions 3–8 are the division code, digits only)'],
    ['91000000600037341L', 'division code 000000 is not a valid administrative division code: province part 00 is outside 11–82'],
    ['91110001600037341L', 'division code 110001 is not a valid administrative division code: county part 01 cannot follow prefecture part 00'],
    ['91110000600037342L', 'embedded organisation code 60003734-2 has check character 2, should be 1'],
    ['9111000060003734XL', 'embedded organisation code 60003734-X has check character X, should be 1'],
    ['91110000600037341M', 'check character should be L, got M'],
  ])('%s: %s', (value, reason) => {
    expect(checkCreditCode(value)).toBe(reason);
  });

  it('writes organisation check values 10 and 11 as X and 0', () => {
    // S mod 11 = 1 gives 11 − 1 = 10, S mod 11 = 0 gives 11
    expect(organisationCodeCheckChar('00500000')).toBe('X'); // S = 5·9 = 45
    expect(organisationCodeCheckChar('00000000')).toBe('0'); // S = 0
  });

  it('refuses parts that do not make a valid code', () => {
    expect(() => makeCreditCode('9', '1', '110000', '6000373')).toThrow(RangeError);
    expect(() => makeCreditCode('O', '1', '110000', '60003734')).toThrow(/every character must be one of/);
    expect(() => makeCreditCode('9', '1', '000000', '60003734')).toThrow(/province part 00/);
    expect(() => creditCodeCheckChar('9111000060003734')).toThrow(RangeError);
    expect(() => organisationCodeCheckChar('6000373a')).toThrow(RangeError);
  });
});
