/**
 * Unified social credit codes, GB 32100-2015 (统一社会信用代码): 18 characters =
 * registration authority (1) + entity type (1) + division code of the
 * registering office (6) + organisation code (9, GB 11714, with its own check
 * character) + check character (ISO 7064 MOD 31-3 style, GB/T 17710).
 *
 * Registration authority and entity type are checked only against the
 * alphabet: their tables live in amendments and notices (XG1-2016 and later
 * added authorities beyond the original 1, 5, 9, Y), and a stale copy here
 * would turn away real organisations. The check characters catch typos anyway.
 */
import { describeChar } from './characters.js';
import { checkDivisionCode } from './division-code.js';

const LENGTH = 18;
/** The characters a credit code may contain, in value order 0–30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Left out of the alphabet because they read like 1, 0, 5, U and 2.
const NEVER_USED = 'IOSVZ';
// Weight of position i (1-based) is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714 organisation code: weights of the 8 body characters.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
// Organisations registered by a national-level office carry 100000 (the
// country as a whole) where the division code would be, e.g. the central
// government's own bodies, 11100000…; it is not a province, prefecture or county.
const NATIONAL = '100000';

/**
 * Checks a unified social credit code: length, alphabet, division code
 * structure, the embedded GB 11714 organisation code's check character and
 * the final check character.
 *
 * @returns null when valid, otherwise the reason, e.g. "check character should be L, got M"
 */
export function checkCreditCode(value: string): string | null {
  const chars = Array.from(value);
  if (chars.length !== LENGTH) return `must be ${LENGTH} characters, got ${chars.length}`;
  for (let i = 0; i < LENGTH; i++) {
    const c = chars[i]!;
    if (CREDIT_CODE_ALPHABET.includes(c)) continue;
    const position = `at position ${i + 1}`;
    if (NEVER_USED.includes(c.toUpperCase())) {
      return `character ${c} is not allowed ${position} (I, O, S, V, Z never occur)`;
    }
    // Rejected rather than folded to uppercase, so a code is stored in one spelling only.
    if (CREDIT_CODE_ALPHABET.includes(c.toUpperCase())) {
      return `letters must be uppercase: got ${c} ${position}, use ${c.toUpperCase()}`;
    }
    return `character ${describeChar(c)} is not allowed ${position}`;
  }

  const division = value.slice(2, 8);
  const nonDigit = Array.from(division).findIndex((c) => !/^[0-9]$/.test(c));
  if (nonDigit >= 0) {
    return `character ${division[nonDigit]} is not allowed at position ${nonDigit + 3} (positions 3–8 are the division code, digits only)`;
  }
  if (division !== NATIONAL) {
    const divisionReason = checkDivisionCode(division);
    if (divisionReason) return divisionReason;
  }

  const orgBody = value.slice(8, 16);
  const orgCheck = value[16]!;
  const expectedOrgCheck = organisationCodeCheckChar(orgBody);
  if (orgCheck !== expectedOrgCheck) {
    return `embedded organisation code ${orgBody}-${orgCheck} has check character ${orgCheck}, should be ${expectedOrgCheck}`;
  }

  const expected = creditCodeCheckChar(value.slice(0, 17));
  const actual = value[17]!;
  if (actual !== expected) return `check character should be ${expected}, got ${actual}`;
  return null;
}

/**
 * The final check character of a credit code for its first 17 characters:
 * c = 31 − (Σ vᵢ·wᵢ mod 31), 31 becomes 0, written in the credit code alphabet.
 *
 * @throws RangeError when first17 is not 17 characters of the alphabet
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabetValue(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 check character of an organisation code body (8 digits or
 * uppercase letters): C = 11 − (Σ vᵢ·wᵢ mod 11), 10 is written X and 11 is 0.
 * Letters count A = 10 … Z = 35 here, not their credit code alphabet values.
 *
 * @throws RangeError when body is not 8 digits or uppercase letters
 */
export function organisationCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError('organisationCodeCheckChar needs 8 digits or uppercase letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * Builds a valid credit code (for synthetic test and sample data), computing
 * the organisation code's check character and the final check character.
 *
 * @param authority registration authority, one character of the alphabet (e.g. 9 market regulation)
 * @param entityType entity type, one character of the alphabet (e.g. 1 enterprise)
 * @param division GB/T 2260 code of the registering office, or 100000 for a national-level office
 * @param orgCodeBody the 8-character body of the organisation code
 * @throws RangeError when the parts do not make a valid code
 */
export function makeCreditCode(authority: string, entityType: string, division: string, orgCodeBody: string): string {
  if (authority.length !== 1 || entityType.length !== 1 || division.length !== 6 || orgCodeBody.length !== 8) {
    throw new RangeError('cannot make a credit code: authority and entityType are 1 character, division 6, orgCodeBody 8');
  }
  if (!/^[0-9A-Z]{8}$/.test(orgCodeBody)) {
    throw new RangeError('cannot make a credit code: orgCodeBody must be 8 digits or uppercase letters');
  }
  const first17 = `${authority}${entityType}${division}${orgCodeBody}${organisationCodeCheckChar(orgCodeBody)}`;
  if (![...first17].every((c) => CREDIT_CODE_ALPHABET.includes(c))) {
    throw new RangeError(`cannot make a credit code: every character must be one of ${CREDIT_CODE_ALPHABET}`);
  }
  const code = first17 + creditCodeCheckChar(first17);
  // Both check characters are right by construction, so any reason is about a part.
  const reason = checkCreditCode(code);
  if (reason) throw new RangeError(`cannot make a credit code: ${reason}`);
  return code;
}

function alphabetValue(char: string): number {
  const value = CREDIT_CODE_ALPHABET.indexOf(char);
  if (value < 0) throw new RangeError(`character ${describeChar(char)} is not in the credit code alphabet`);
  return value;
}
