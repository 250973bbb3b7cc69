/**
 * Administrative division codes, GB/T 2260: 6 digits = province (2) +
 * prefecture (2) + county (2). There is no check digit, and which codes exist
 * changes over time (divisions are merged and renamed), so this module checks
 * only the structure every code of every edition has. Whether a division
 * exists is a question for the regions department and its data, on a date.
 */

import { describeChar } from './characters.js';

/** The levels a division code can name: the country (COUNTRY_CODE), then GB/T 2260's three. */
export type DivisionLevel = 'COUNTRY' | 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

/**
 * The whole country (全国): not a code of GB/T 2260, which begins at the provinces, but the one
 * division above them, so national figures are asked the way a province's are (issue #15: a
 * dashboard at every level). It contains every division.
 */
export const COUNTRY_CODE = '000000';

/** checkDivisionCode, or the country: what the DivisionCode scalar accepts. */
export function checkDivisionOrCountry(value: string): string | null {
  return value === COUNTRY_CODE ? null : checkDivisionCode(value);
}

// Province codes run from 11 (Beijing) to 82 (Macao); the first digit is the
// large region (1 North … 8 Hong Kong and Macao).
const MIN_PROVINCE = 11;
const MAX_PROVINCE = 82;

/**
 * Checks that a value has the structure of a GB/T 2260 division code.
 *
 * @returns null when it does, otherwise the reason it does not, e.g.
 *   "division code 000000 is not a valid administrative division code: province part 00 is outside 11–82"
 */
export function checkDivisionCode(value: string): string | null {
  const chars = Array.from(value);
  if (chars.length !== 6) return `must be 6 digits, got ${chars.length} characters`;
  const bad = chars.findIndex((c) => !/^[0-9]$/.test(c));
  if (bad >= 0) return `character ${describeChar(chars[bad]!)} is not allowed at position ${bad + 1} (digits only)`;
  const province = Number(value.slice(0, 2));
  const prefecture = value.slice(2, 4);
  const county = value.slice(4, 6);
  const invalid = `division code ${value} is not a valid administrative division code`;
  if (province < MIN_PROVINCE || province > MAX_PROVINCE) {
    return `${invalid}: province part ${value.slice(0, 2)} is outside ${MIN_PROVINCE}–${MAX_PROVINCE}`;
  }
  // A county always sits below a prefecture-level unit; even the districts of
  // a municipality hang off a "市辖区" unit (110101 below 110100), so a code
  // like 110001 names nothing in any edition of the standard.
  if (prefecture === '00' && county !== '00') {
    return `${invalid}: county part ${county} cannot follow prefecture part 00`;
  }
  return null;
}

/**
 * The level a division code names: PROVINCE for xx0000, PREFECTURE for xxxx00,
 * COUNTY otherwise.
 *
 * @throws RangeError when the code is not a structurally valid division code
 */
export function divisionLevel(code: string): DivisionLevel {
  if (code === COUNTRY_CODE) return 'COUNTRY';
  assertDivisionCode(code);
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'PREFECTURE';
  return 'COUNTY';
}

/**
 * The codes of the divisions above this one, from the province down: [] for a
 * province, [province] for a prefecture, [province, prefecture] for a county.
 * The prefecture code is derived, so it may name no division (municipalities'
 * districts sit directly under the province in most data sets); callers that
 * load these codes should expect misses.
 *
 * @throws RangeError when the code is not a structurally valid division code
 */
export function parentDivisionCodes(code: string): string[] {
  const level = divisionLevel(code);
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'PROVINCE' || level === 'COUNTRY') return [];
  if (level === 'PREFECTURE') return [province];
  return [province, `${code.slice(0, 4)}00`];
}

// Internal callers get codes that should already have been checked at the
// edge, so a bad one here is a programming error, not the user's.
function assertDivisionCode(code: string): void {
  const reason = checkDivisionCode(code);
  if (reason) throw new RangeError(`not a division code: ${reason}`);
}

/**
 * The codes a division covers, itself and every division below it, as one inclusive range
 * (GB/T 2260 codes nest by prefix): the country every code, a province XX0000 covers XX0000–XX9999, a prefecture
 * XXYY00 covers XXYY00–XXYY99, a county only itself. A range of digit strings compares the
 * same under any collation and, unlike LIKE 'XX%', uses a (region_code, …) index on SQLite
 * and PostgreSQL alike.
 */
export function divisionRange(code: string): [string, string] {
  // divisionLevel's rules without its throw: a key from an _entities representation is not checked
  // by the scalar, and a malformed one must match nothing rather than fail the request
  if (!/^\d{6}$/.test(code)) return [code, code];
  if (code === COUNTRY_CODE) return ['000000', '999999'];
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}

/**
 * A filter on a division-code column (MikroORM's operators) for the records in a division: a
 * county by equality, so a (region_code, id) index also serves keyset order; a prefecture or
 * province by its divisionRange.
 */
export function divisionFilter(code: string): string | { $gte: string; $lte: string } {
  const [low, high] = divisionRange(code);
  return low === high ? low : { $gte: low, $lte: high };
}

/** Whether a division code lies within a division (the division itself included). */
export function withinDivision(division: string, code: string): boolean {
  const [low, high] = divisionRange(division);
  return code >= low && code <= high;
}
