/**
 * Resident identity numbers, GB 11643-1999 (公民身份号码): 18 characters =
 * division code of first registration (6) + birth date YYYYMMDD (8) +
 * sequence (3; odd = male, even = female) + check character, ISO 7064
 * MOD 11-2. A resident identity number is sensitive personal information
 * (PIPL art. 28), so reasons name the part that is wrong, never the whole
 * number: they end up in logs.
 */
import { describeChar } from './characters.js';
import { checkDivisionCode } from './division-code.js';
import { isRealDate, todayInChina } from './date.js';

const LENGTH = 18;
// ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// The check character for each remainder R = (Σ aᵢ·wᵢ) mod 11.
const CHECK_CHARS = '10X98765432';
// The oldest people alive when 18-character numbers were introduced (1999)
// were born in the 1880s; an earlier year is a typing error.
const EARLIEST_BIRTH_YEAR = 1800;

/** What a resident identity number says about its holder. */
export interface ResidentIdFacts {
  /** GB/T 2260 code of the division of first registration (may since have changed). */
  division: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

/**
 * Checks a resident identity number: length, characters, division code
 * structure, birth date (real, not in the future in China) and check character.
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
  const divisionReason = checkDivisionCode(value.slice(0, 6));
  if (divisionReason) return divisionReason;

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
 * Builds a valid resident identity number (for synthetic test and sample data).
 *
 * @param division GB/T 2260 code, 6 digits
 * @param birthDate YYYYMMDD
 * @param sequence 0–999; odd for a man, even for a woman
 * @throws RangeError when the parts do not make a valid number
 */
export function makeResidentId(division: string, birthDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  if (!/^\d{6}$/.test(division) || !/^\d{8}$/.test(birthDate)) {
    throw new RangeError('cannot make a resident identity number: division must be 6 digits and birthDate 8 (YYYYMMDD)');
  }
  const first17 = `${division}${birthDate}${String(sequence).padStart(3, '0')}`;
  const id = first17 + residentIdCheckChar(first17);
  // The check character is right by construction, so any reason is about a part.
  const reason = checkResidentId(id);
  if (reason) throw new RangeError(`cannot make a resident identity number: ${reason}`);
  return id;
}

/**
 * Reads the division, birth date and gender out of a resident identity number.
 *
 * @throws RangeError when the number is not valid (check it with checkResidentId first)
 */
export function residentIdFacts(id: string): ResidentIdFacts {
  const reason = checkResidentId(id);
  if (reason) throw new RangeError(`not a valid resident identity number: ${reason}`);
  return {
    division: id.slice(0, 6),
    birthDate: isoDate(id.slice(6, 14)),
    gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
