/**
 * fast-check generators of valid identifiers, for the property tests beside
 * this file. Test-only: index.ts does not export it, so nothing in production
 * pulls in fast-check.
 */
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET } from './credit-code.js';
import { makeForeignPermanentResidenceId, makeResidencePermitId, makeResidentId, type PermitRegion, type ResidentIdFacts } from './resident-id.js';

const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));

/** Structurally valid GB/T 2260 codes of all three levels (not only codes that exist). */
export const divisionCodeArb: fc.Arbitrary<string> = fc.oneof(
  twoDigits(11, 82).map((p) => `${p}0000`),
  fc.tuple(twoDigits(11, 82), twoDigits(1, 99)).map(([p, c]) => `${p}${c}00`),
  fc.tuple(twoDigits(11, 82), twoDigits(1, 99), twoDigits(1, 99)).map(([p, c, d]) => `${p}${c}${d}`),
);

// Up to yesterday, so a birth date is never "in the future" in any time zone.
const DAY_MS = 86_400_000;
/** Birth dates YYYYMMDD from 1800-01-01 up to yesterday. */
export const birthDateArb: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.now() - DAY_MS), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

/** Sequence numbers 0–999. */
export const sequenceArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 999 });

/**
 * Division codes a resident identity card can carry: as divisionCodeArb, but
 * not Hong Kong (81) or Macao (82), whose codes on a number mean a residence permit.
 */
export const residentDivisionArb: fc.Arbitrary<string> = divisionCodeArb.filter((code) => !/^8[12]/.test(code));

/** The regions of residence permits for Hong Kong, Macao and Taiwan residents. */
export const permitRegionArb: fc.Arbitrary<PermitRegion> = fc.constantFrom('HONG_KONG', 'MACAO', 'TAIWAN');

/** Province codes xx0000 where a foreigner's permanent residence card can be issued (structurally). */
export const issuingProvinceArb: fc.Arbitrary<string> = twoDigits(11, 82).map((p) => `${p}0000`);

/** 3-digit numeric nationality codes of the form the 2023 card carries: 001–999 except China's 156. */
export const nationalityArb: fc.Arbitrary<string> = fc
  .integer({ min: 1, max: 999 })
  .filter((n) => n !== 156)
  .map((n) => String(n).padStart(3, '0'));

const isoBirth = (b: string) => `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}`;
const genderOf = (sequence: number): 'MALE' | 'FEMALE' => (sequence % 2 === 1 ? 'MALE' : 'FEMALE');

/**
 * Valid identity numbers of all three kinds with the facts they were made
 * from: mostly resident identity cards (as in real data), sometimes residence
 * permits and foreigners' permanent residence cards.
 */
export const identityNumberWithFactsArb: fc.Arbitrary<{ id: string; facts: ResidentIdFacts }> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(residentDivisionArb, birthDateArb, sequenceArb).map(([division, b, s]) => ({
      id: makeResidentId(division, b, s),
      facts: { kind: 'RESIDENT_IDENTITY_CARD' as const, division, birthDate: isoBirth(b), gender: genderOf(s) },
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(permitRegionArb, birthDateArb, sequenceArb).map(([region, b, s]) => ({
      id: makeResidencePermitId(region, b, s),
      facts: { kind: 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT' as const, region, birthDate: isoBirth(b), gender: genderOf(s) },
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(issuingProvinceArb, nationalityArb, birthDateArb, sequenceArb).map(([issuingProvince, nationality, b, s]) => ({
      id: makeForeignPermanentResidenceId(issuingProvince, nationality, b, s),
      facts: {
        kind: 'FOREIGN_PERMANENT_RESIDENCE_CARD' as const,
        issuingProvince,
        nationality,
        birthDate: isoBirth(b),
        gender: genderOf(s),
      },
    })),
  },
);

/** Valid identity numbers of all three kinds (see identityNumberWithFactsArb). */
export const identityNumberArb: fc.Arbitrary<string> = identityNumberWithFactsArb.map(({ id }) => id);

/** One character of the credit code alphabet. */
export const creditCharArb: fc.Arbitrary<string> = fc.constantFrom(...CREDIT_CODE_ALPHABET);

/** The parts makeCreditCode takes: authority, entity type, division (or 100000), organisation code body. */
export const creditCodePartsArb: fc.Arbitrary<[string, string, string, string]> = fc.tuple(
  creditCharArb,
  creditCharArb,
  fc.oneof({ weight: 9, arbitrary: divisionCodeArb }, { weight: 1, arbitrary: fc.constant('100000') }),
  fc.array(creditCharArb, { minLength: 8, maxLength: 8 }).map((cs) => cs.join('')),
);

/** Every string that differs from `value` in exactly one position, using the characters allowed there. */
export function singleCharacterChanges(value: string, allowedAt: (position: number) => string): string[] {
  const changes: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of allowedAt(i)) {
      if (c !== value[i]) changes.push(value.slice(0, i) + c + value.slice(i + 1));
    }
  }
  return changes;
}

/** Every string made from `value` by swapping two adjacent, different characters. */
export function adjacentTranspositions(value: string): string[] {
  const swaps: string[] = [];
  for (let i = 0; i + 1 < value.length; i++) {
    if (value[i] !== value[i + 1]) swaps.push(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  }
  return swaps;
}
