import { checkResidentId } from '../identifiers/index.js';

/**
 * Display restriction (GB/T 35273 §7.2): the documented masking patterns.
 * - resident identity number: the division (first 6) kept, the rest hidden:
 *   110105************. Keeping the last four as well would let anyone who
 *   may read the birth date (and gender) beside it rebuild the whole number:
 *   the hidden digits would be exactly the birth date.
 * - phone: first 3 and last 4 kept: 138****5678
 * - address: the division part (up to the county, the first two space-separated
 *   parts) kept, the street and number hidden: 北京市 东城区 ****
 * - free text (appeals, comments, notes): every identity number and mobile
 *   number written in it is masked the same way.
 */
export function maskResidentId(value: string): string {
  return `${value.slice(0, 6)}************`;
}

export function maskPhone(value: string): string {
  return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
}

export function maskAddress(value: string): string {
  const parts = value.split(/\s+/);
  return parts.length > 2 ? `${parts.slice(0, 2).join(' ')} ****` : `${value.slice(0, 6)}****`;
}

/**
 * True for any string that is a valid resident identity number, wherever it appears.
 * `today` (YYYY-MM-DD in China) may be passed by a caller that checks many values at once.
 */
export function looksLikeResidentId(value: string, today?: string): boolean {
  return value.length === 18 && checkResidentId(value, today) === null;
}

/** 18 characters not inside a longer run of digits and letters: a candidate identity number. */
const ID_IN_TEXT = /(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
/**
 * A mainland mobile number, alone or with +86 / 86, not inside a longer run of digits and letters:
 * a hash, a UUID or a request id that happens to hold eleven digits is not a phone number.
 */
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9A-Za-z])/g;
/** Cheap pre-check: no run of 11 digits (with separators), no number to mask. */
const MAY_HOLD_NUMBER = /[0-9][0-9 -]{9,}[0-9Xx]/;

/**
 * Masks identity numbers and mobile numbers written inside free text. `keep`
 * is an identity number the reader may see in full (a citizen's own).
 */
export function maskText(value: string, keep: string | null, today?: string): string {
  if (!MAY_HOLD_NUMBER.test(value)) return value;
  return value
    .replace(ID_IN_TEXT, (id) => (id.toUpperCase() === keep || !looksLikeResidentId(id.toUpperCase(), today) ? id : maskResidentId(id)))
    .replace(MOBILE_IN_TEXT, (phone) => {
      const digits = phone.replace(/[^0-9]/g, '').slice(-11);
      return maskPhone(digits);
    });
}
