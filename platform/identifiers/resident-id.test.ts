import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkResidentId,
  makeForeignPermanentResidenceId,
  makeResidencePermitId,
  makeResidentId,
  residentIdCheckChar,
  residentIdFacts,
  residentIdKind,
} from './resident-id.js';
import {
  adjacentTranspositions,
  birthDateArb,
  identityNumberArb,
  identityNumberWithFactsArb,
  residentDivisionArb,
  sequenceArb,
  singleCharacterChanges,
} from './arbitraries.js';

const DIGITS = '0123456789';
const allowedAt = (i: number) => (i === 17 ? `${DIGITS}X` : DIGITS);
// all three kinds: resident identity cards, HK/Macao/Taiwan residence permits, foreigners' permanent residence cards
const validIdArb = identityNumberArb;
const TODAY = '2024-06-15';

describe('checkResidentId properties', () => {
  it('accepts every generated valid number', () => {
    fc.assert(
      fc.property(validIdArb, (id) => checkResidentId(id) === null),
      { numRuns: 200 },
    );
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

  it('reads back the parts it was made from, and the kind, for every kind', () => {
    fc.assert(
      fc.property(identityNumberWithFactsArb, ({ id, facts }) => {
        expect(residentIdFacts(id)).toEqual(facts);
        expect(residentIdKind(id)).toBe(facts.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('tells the kind by the first digits alone: 9 foreigner, 810000/820000/830000 permit, else resident card', () => {
    fc.assert(
      fc.property(identityNumberArb, (id) => {
        const expected = id.startsWith('9')
          ? 'FOREIGN_PERMANENT_RESIDENCE_CARD'
          : ['810000', '820000', '830000'].includes(id.slice(0, 6))
            ? 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT'
            : 'RESIDENT_IDENTITY_CARD';
        expect(residentIdKind(id)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives no kind to anything that is not a valid number', () => {
    fc.assert(
      fc.property(validIdArb, (id) => singleCharacterChanges(id, allowedAt).every((changed) => residentIdKind(changed) === null)),
      { numRuns: 50 },
    );
  });

  it('never makes a resident identity card number that reads as another kind', () => {
    fc.assert(
      fc.property(residentDivisionArb, birthDateArb, sequenceArb, (division, birth, sequence) => {
        expect(residentIdKind(makeResidentId(division, birth, sequence))).toBe('RESIDENT_IDENTITY_CARD');
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
    ['840000194912310020', 'division code 840000 is not a valid administrative division code: province part 84 is outside 11–82'],
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
});

describe('residence permits for Hong Kong, Macao and Taiwan residents', () => {
  // 830000 + 1990-03-07 + 021 (a man), check 1
  const TAIWAN = '830000199003070211';

  it('accepts the three address codes and reads region, birth date and gender', () => {
    expect(checkResidentId(TAIWAN, TODAY)).toBeNull();
    expect(residentIdFacts(TAIWAN)).toEqual({ kind: 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT', region: 'TAIWAN', birthDate: '1990-03-07', gender: 'MALE' });
    expect(residentIdFacts('810000198511200029')).toEqual({
      kind: 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT',
      region: 'HONG_KONG',
      birthDate: '1985-11-20',
      gender: 'FEMALE',
    });
    expect(residentIdKind('820000200101010072')).toBe('HK_MACAO_TAIWAN_RESIDENCE_PERMIT');
    expect(makeResidencePermitId('TAIWAN', '19900307', 21)).toBe(TAIWAN);
  });

  it.each([
    ['830101199003070213', 'a number starting with 83 is a residence permit for Taiwan residents and must start with 830000, got 830101'],
    ['81010119900307021X', 'a number starting with 81 is a residence permit for Hong Kong residents and must start with 810000, got 810101'],
    ['820100200101010072', 'a number starting with 82 is a residence permit for Macao residents and must start with 820000, got 820100'],
    ['830000199002300211', 'birth date 19900230 does not exist'],
    ['830000209901010211', 'birth date 20990101 is in the future'],
    ['830000199003070212', 'check character should be 1, got 2'],
    ['830000199003070211 ', 'must be 18 characters, got 19'],
  ])('%s: %s', (value, reason) => {
    expect(checkResidentId(value, TODAY)).toBe(reason);
  });

  it('refuses a resident identity card made with a Hong Kong or Macao code', () => {
    expect(() => makeResidentId('810000', '19900307', 21)).toThrow(/would make another kind of card's number/);
  });
});

describe("foreigners' permanent residence cards (2023 edition)", () => {
  // 9 + issued in Shanghai (31) + nationality 840 + 1980-01-01 + 011 (a man), check 3
  const FOREIGNER = '931840198001010113';

  it('accepts the card and reads issuing province, nationality, birth date and gender', () => {
    expect(checkResidentId(FOREIGNER, TODAY)).toBeNull();
    expect(residentIdFacts(FOREIGNER)).toEqual({
      kind: 'FOREIGN_PERMANENT_RESIDENCE_CARD',
      issuingProvince: '310000',
      nationality: '840',
      birthDate: '1980-01-01',
      gender: 'MALE',
    });
    expect(residentIdFacts('911392199212310028')).toMatchObject({ issuingProvince: '110000', nationality: '392', gender: 'FEMALE' });
    expect(makeForeignPermanentResidenceId('310000', '840', '19800101', 11)).toBe(FOREIGNER);
    expect(makeForeignPermanentResidenceId('31', '840', '19800101', 11)).toBe(FOREIGNER);
  });

  it.each([
    ['910156198001010111', "issuing province code 10 of a foreigner's permanent residence card (first digit 9) is not a province code (11–82)"],
    ['991840198001010114', "issuing province code 91 of a foreigner's permanent residence card (first digit 9) is not a province code (11–82)"],
    ['931000198001010110', "nationality code 000 of a foreigner's permanent residence card names no country"],
    ['931156198001010118', "nationality code 156 (China) cannot be on a foreigner's permanent residence card; a citizen's number starts with 1–8"],
    ['931840198013010110', 'birth date 19801301 does not exist'],
    ['931840179912310113', 'birth date 17991231 is before 1800'],
    ['931840198001010114', 'check character should be 3, got 4'],
    ['93184019800101011x', 'check character must be an uppercase X, got lowercase x'],
    ['931840198001010', 'must be 18 characters, got 15; 15-digit first-generation numbers are no longer valid'],
  ])('%s: %s', (value, reason) => {
    expect(checkResidentId(value, TODAY)).toBe(reason);
  });

  it('refuses parts that do not make a valid card number', () => {
    expect(() => makeForeignPermanentResidenceId('310100', '840', '19800101', 11)).toThrow(/issuingProvince must be xx0000/);
    expect(() => makeForeignPermanentResidenceId('310000', '84', '19800101', 11)).toThrow(/nationality 3 digits/);
    expect(() => makeForeignPermanentResidenceId('310000', '156', '19800101', 11)).toThrow(/nationality code 156 \(China\)/);
  });

  it('does not leak the full number in any reason', () => {
    for (const id of ['931840198001010114', '830000199003070212', '931156198001010118']) expect(checkResidentId(id)).not.toContain(id);
  });
});

describe('resident identity card edge cases', () => {
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
    expect(residentIdFacts('11010519491231002X')).toEqual({ kind: 'RESIDENT_IDENTITY_CARD', division: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(residentIdFacts(makeResidentId('110105', '19491231', 1)).gender).toBe('MALE');
  });

  it('refuses parts that do not make a valid number', () => {
    expect(() => makeResidentId('110105', '19491231', 1000)).toThrow(/sequence must be an integer 0–999/);
    expect(() => makeResidentId('110105', '19491231', 1.5)).toThrow(RangeError);
    expect(() => makeResidentId('11010', '19491231', 1)).toThrow(/division must be 6 digits/);
    expect(() => makeResidentId('110105', '19990231', 1)).toThrow('birth date 19990231 does not exist');
    expect(() => residentIdFacts('110105194912310025')).toThrow('not a valid identity number: check character should be X, got 5');
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
  });
});
