/**
 * Identity numbers in the GB 11643-1999 layout (公民身份号码): 18 characters,
 * the first 17 digits, the last an ISO 7064 MOD 11-2 check character 0–9 or X.
 * Three kinds of card carry such a number, told apart by their first digits:
 *
 * - resident identity card (居民身份证): division code of first registration
 *   (6, GB/T 2260) + birth date YYYYMMDD (8) + sequence (3; odd = male,
 *   even = female) + check. First digit 1–8.
 * - residence permit for residents of Hong Kong, Macao and Taiwan (港澳台居民
 *   居住证, 2018): the same layout with the fixed address code 810000 (Hong
 *   Kong), 820000 (Macao) or 830000 (Taiwan) in place of the division code.
 *   830000 is no GB/T 2260 code (Taiwan's is 710000), and no resident identity
 *   card is issued with a Hong Kong or Macao code, so these six digits decide.
 * - foreigner's permanent residence identity card (外国人永久居留身份证, 2023
 *   edition, issued from 2023-12-01): "9" (the foreigner marker; citizens'
 *   numbers start 1–8) + province code of the issuing place (2) + nationality,
 *   3-digit numeric country code (3) + birth date YYYYMMDD (8) + sequence (3)
 *   + check, computed as for the resident identity card.
 *
 * Sources for the 2023 card: the National Immigration Administration's
 * machine-readable rules for the card (2023 edition), as republished by
 * card-reader vendors, state the 18-character length, the leading 9, the
 * letter country code turned numeric and the MOD 11-2 check; the positions of
 * issuing province, nationality and birth date and the gender in the parity of
 * the 17th digit are as implemented by an independent open-source parser of
 * Chinese credentials. The nationality is checked only for its form (not 000,
 * not China's 156), not against the ISO 3166-1 list, which changes.
 *
 * An identity number is sensitive personal information (PIPL art. 28), so
 * reasons name the part that is wrong, never the whole number: they end up in logs.
 */
import { describeChar } from './characters.js';
import { checkDivisionCode } from './division-code.js';
import { isRealDate } from './date.js';
import { todayInChina } from '../time.js';

const LENGTH = 18;
// ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// The check character for each remainder R = (Σ aᵢ·wᵢ) mod 11.
const CHECK_CHARS = '10X98765432';
// The oldest people alive when 18-character numbers were introduced (1999)
// were born in the 1880s; an earlier year is a typing error.
const EARLIEST_BIRTH_YEAR = 1800;

/** The three kinds of card that carry an identity number in the GB 11643 layout. */
export type ResidentIdKind = 'RESIDENT_IDENTITY_CARD' | 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT' | 'FOREIGN_PERMANENT_RESIDENCE_CARD';

/** Where the holder of a residence permit for Hong Kong, Macao and Taiwan residents lives. */
export type PermitRegion = 'HONG_KONG' | 'MACAO' | 'TAIWAN';

/** The fixed address code of each permit region (the first 6 digits of the number). */
export const PERMIT_ADDRESS_CODES: Readonly<Record<PermitRegion, string>> = { HONG_KONG: '810000', MACAO: '820000', TAIWAN: '830000' };
const PERMIT_REGION_BY_PREFIX: Readonly<Record<string, PermitRegion>> = { '81': 'HONG_KONG', '82': 'MACAO', '83': 'TAIWAN' };
const PERMIT_REGION_NAMES: Readonly<Record<PermitRegion, string>> = { HONG_KONG: 'Hong Kong', MACAO: 'Macao', TAIWAN: 'Taiwan' };

/** Marks a foreigner's permanent residence card number. */
const FOREIGNER_MARKER = '9';
// China's own numeric country code: a Chinese citizen holds no foreigner's card.
const CHINA_COUNTRY_CODE = '156';

interface CommonFacts {
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

/** What an identity number says about its holder, by kind of card. */
export type ResidentIdFacts =
  | (CommonFacts & {
      kind: 'RESIDENT_IDENTITY_CARD';
      /** GB/T 2260 code of the division of first registration (may since have changed). */
      division: string;
    })
  | (CommonFacts & { kind: 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT'; region: PermitRegion })
  | (CommonFacts & {
      kind: 'FOREIGN_PERMANENT_RESIDENCE_CARD';
      /** GB/T 2260 code (xx0000) of the province where the card was applied for. */
      issuingProvince: string;
      /** 3-digit numeric country code of the holder's nationality, e.g. 840. */
      nationality: string;
    });

/**
 * The kind of card a number of the right form belongs to, from its first
 * digits alone: "9" a foreigner's permanent residence card; 81, 82 or 83 a
 * residence permit for residents of Hong Kong, Macao or Taiwan; anything else
 * a resident identity card. Says nothing about validity: use residentIdKind
 * for a number from outside.
 */
function kindByPrefix(value: string): ResidentIdKind {
  if (value.startsWith(FOREIGNER_MARKER)) return 'FOREIGN_PERMANENT_RESIDENCE_CARD';
  if (Object.hasOwn(PERMIT_REGION_BY_PREFIX, value.slice(0, 2))) return 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT';
  return 'RESIDENT_IDENTITY_CARD';
}

/**
 * Which kind of card a valid identity number belongs to, or null when the
 * value is no valid identity number of any kind (the reason is checkResidentId's).
 *
 * @param today YYYY-MM-DD, defaults to today in China; for tests and callers checking many values
 */
export function residentIdKind(value: string, today?: string): ResidentIdKind | null {
  return checkResidentId(value, today) === null ? kindByPrefix(value) : null;
}

/**
 * Checks an identity number of any of the three kinds: length, characters,
 * the kind's leading part (division code, permit address code, or issuing
 * province and nationality), birth date (real, not in the future in China)
 * and check character.
 *
 * Lowercase x is rejected, not folded to X: the standard and the card print
 * an uppercase X, and a number stored in two spellings would no longer match
 * itself in lookups, joins and uniqueness checks. The reason says what to type.
 *
 * @param today YYYY-MM-DD, defaults to today in China; for tests
 * @returns null when valid, otherwise the reason, e.g. "check character should be X, got 5"
 */
export function checkResidentId(value: string, today: string = todayInChina()): string | null {
  const chars = Array.from(value);
  if (chars.length !== LENGTH) {
    // 15-digit first-generation numbers stopped being valid with the first-generation cards in 2013
    const hint = chars.length === 15 ? '; 15-digit first-generation numbers are no longer valid' : '';
    return `must be ${LENGTH} characters, got ${chars.length}${hint}`;
  }
  for (let i = 0; i < LENGTH; i++) {
    const c = chars[i]!;
    if (/^[0-9]$/.test(c)) continue;
    if (i === LENGTH - 1 && c === 'X') continue;
    if (i === LENGTH - 1 && c === 'x') return 'check character must be an uppercase X, got lowercase x';
    return `character ${describeChar(c)} is not allowed at position ${i + 1}`;
  }
  const leadReason = checkLeadingPart(value);
  if (leadReason) return leadReason;

  const birth = value.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  if (!isRealDate(year, Number(birth.slice(4, 6)), Number(birth.slice(6, 8)))) return `birth date ${birth} does not exist`;
  if (year < EARLIEST_BIRTH_YEAR) return `birth date ${birth} is before ${EARLIEST_BIRTH_YEAR}`;
  if (isoDate(birth) > today) return `birth date ${birth} is in the future`;

  const expected = residentIdCheckChar(value.slice(0, 17));
  const actual = value.slice(17);
  if (actual !== expected) return `check character should be ${expected}, got ${actual}`;
  return null;
}

// The first six digits, whose meaning depends on the kind; value is 18 digits (and X) here.
function checkLeadingPart(value: string): string | null {
  switch (kindByPrefix(value)) {
    case 'FOREIGN_PERMANENT_RESIDENCE_CARD': {
      const province = value.slice(1, 3);
      if (checkDivisionCode(`${province}0000`)) {
        return `issuing province code ${province} of a foreigner's permanent residence card (first digit 9) is not a province code (11–82)`;
      }
      const nationality = value.slice(3, 6);
      if (nationality === '000') return "nationality code 000 of a foreigner's permanent residence card names no country";
      if (nationality === CHINA_COUNTRY_CODE) {
        return "nationality code 156 (China) cannot be on a foreigner's permanent residence card; a citizen's number starts with 1–8";
      }
      return null;
    }
    case 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT': {
      const region = PERMIT_REGION_BY_PREFIX[value.slice(0, 2)]!;
      const code = PERMIT_ADDRESS_CODES[region];
      if (value.slice(0, 6) === code) return null;
      return `a number starting with ${value.slice(0, 2)} is a residence permit for ${PERMIT_REGION_NAMES[region]} residents and must start with ${code}, got ${value.slice(0, 6)}`;
    }
    case 'RESIDENT_IDENTITY_CARD':
      return checkDivisionCode(value.slice(0, 6));
  }
}

/**
 * The ISO 7064 MOD 11-2 check character (0–9 or X) for the first 17 digits.
 *
 * @throws RangeError when first17 is not 17 digits
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Builds a valid resident identity card number (for synthetic test and sample data).
 *
 * @param division GB/T 2260 code, 6 digits, not of Hong Kong or Macao (81, 82: those numbers are residence permits)
 * @param birthDate YYYYMMDD
 * @param sequence 0–999; odd for a man, even for a woman
 * @throws RangeError when the parts do not make a valid number
 */
export function makeResidentId(division: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(division) || !/^\d{8}$/.test(birthDate)) {
    throw new RangeError('cannot make a resident identity number: division must be 6 digits and birthDate 8 (YYYYMMDD)');
  }
  if (kindByPrefix(division) !== 'RESIDENT_IDENTITY_CARD') {
    throw new RangeError(`cannot make a resident identity number: division ${division} would make another kind of card's number`);
  }
  return assemble(division, birthDate, sequence, 'resident identity number');
}

/**
 * Builds a valid number of a residence permit for residents of Hong Kong,
 * Macao or Taiwan (for synthetic test and sample data).
 *
 * @param birthDate YYYYMMDD
 * @param sequence 0–999; odd for a man, even for a woman
 * @throws RangeError when the parts do not make a valid number
 */
export function makeResidencePermitId(region: PermitRegion, birthDate: string, sequence: number): string {
  const code = PERMIT_ADDRESS_CODES[region];
  if (!code || !/^\d{8}$/.test(birthDate)) {
    throw new RangeError('cannot make a residence permit number: region must be HONG_KONG, MACAO or TAIWAN and birthDate 8 digits (YYYYMMDD)');
  }
  return assemble(code, birthDate, sequence, 'residence permit number');
}

/**
 * Builds a valid number of a foreigner's permanent residence identity card,
 * 2023 edition (for synthetic test and sample data).
 *
 * @param issuingProvince GB/T 2260 province code, xx0000 (or its 2 digits)
 * @param nationality 3-digit numeric country code, e.g. 840
 * @param birthDate YYYYMMDD
 * @param sequence 0–999; odd for a man, even for a woman
 * @throws RangeError when the parts do not make a valid number
 */
export function makeForeignPermanentResidenceId(issuingProvince: string, nationality: string, birthDate: string, sequence: number): string {
  const province = /^\d{2}(0000)?$/.test(issuingProvince) ? issuingProvince.slice(0, 2) : null;
  if (!province || !/^\d{3}$/.test(nationality) || !/^\d{8}$/.test(birthDate)) {
    throw new RangeError(
      "cannot make a foreigner's permanent residence number: issuingProvince must be xx0000, nationality 3 digits and birthDate 8 (YYYYMMDD)",
    );
  }
  return assemble(`${FOREIGNER_MARKER}${province}${nationality}`, birthDate, sequence, "foreigner's permanent residence number");
}

function assemble(first6: string, birthDate: string, sequence: number, what: string): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${first6}${birthDate}${String(sequence).padStart(3, '0')}`;
  const id = first17 + residentIdCheckChar(first17);
  // The check character is right by construction, so any reason is about a part.
  const reason = checkResidentId(id);
  if (reason) throw new RangeError(`cannot make a ${what}: ${reason}`);
  return id;
}

/**
 * Reads the kind of card, birth date and gender out of an identity number,
 * and what its first six digits say for that kind: the division of first
 * registration, the permit region, or the issuing province and nationality.
 *
 * @throws RangeError when the number is not valid (check it with checkResidentId first)
 */
export function residentIdFacts(id: string): ResidentIdFacts {
  const reason = checkResidentId(id);
  if (reason) throw new RangeError(`not a valid identity number: ${reason}`);
  // The 17th digit's parity is the gender on all three kinds.
  const common: CommonFacts = { birthDate: isoDate(id.slice(6, 14)), gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
  switch (kindByPrefix(id)) {
    case 'FOREIGN_PERMANENT_RESIDENCE_CARD':
      return { kind: 'FOREIGN_PERMANENT_RESIDENCE_CARD', issuingProvince: `${id.slice(1, 3)}0000`, nationality: id.slice(3, 6), ...common };
    case 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT':
      return { kind: 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT', region: PERMIT_REGION_BY_PREFIX[id.slice(0, 2)]!, ...common };
    case 'RESIDENT_IDENTITY_CARD':
      return { kind: 'RESIDENT_IDENTITY_CARD', division: id.slice(0, 6), ...common };
  }
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
