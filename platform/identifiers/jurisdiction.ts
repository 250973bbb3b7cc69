/**
 * The jurisdiction an id carries: ids of the records of partitioned departments (cases,
 * evaluations, rectifications, appeals) begin with the two-digit GB/T 2260 code of the province
 * of the division the record belongs to, so a look-up by id can be routed to its province's
 * instance without a directory. `44C20261202…` is a case of Guangdong (44).
 */

import { checkDivisionCode } from './division-code.js';

/**
 * The 34 provincial-level divisions of GB/T 2260 (the 31 provinces, autonomous regions and
 * municipalities, Taiwan, Hong Kong and Macao). Written out rather than read from the reference
 * data: this list has not changed since Chongqing (50) in 1997, and the kit reads no data files.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
]);

/** The two-digit province an id begins with, or null when it does not begin with one of GB/T 2260. */
export function jurisdictionOf(id: string): string | null {
  const province = id.slice(0, 2);
  return id.length > 2 && PROVINCE_CODES.has(province) ? province : null;
}

/**
 * An id in the jurisdiction of a division: its province's two digits, then `rest` (what the id
 * was before it carried its jurisdiction, e.g. `C20261202…`).
 *
 * @throws RangeError when divisionCode is not a division code of a known province: ids are made
 *   from a record's stored region, so a bad one is a programming error, not the caller's
 */
export function withJurisdiction(divisionCode: string, rest: string): string {
  const reason = checkDivisionCode(divisionCode);
  const province = divisionCode.slice(0, 2);
  if (reason || !PROVINCE_CODES.has(province))
    throw new RangeError(`no jurisdiction for ${JSON.stringify(divisionCode)}: ${reason ?? `no province ${province}`}`);
  if (rest === '') throw new RangeError('an id needs more than its jurisdiction');
  return `${province}${rest}`;
}

/** The id without its province (`44C20261202…` → `C20261202…`), or null when it carries none. */
export function withoutJurisdiction(id: string): string | null {
  return jurisdictionOf(id) ? id.slice(2) : null;
}
