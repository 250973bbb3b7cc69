import { checkResidentId } from '../identifiers/index.js';

/**
 * Display restriction (GB/T 35273 §7.2): the documented masking patterns.
 * - resident identity number: first 6 (division) and last 4 kept, birth date hidden:
 *   110105********002X
 * - phone: first 3 and last 4 kept: 138****5678
 * - address: the division part (up to the county, the first two space-separated
 *   parts) kept, the street and number hidden: 北京市 东城区 ****
 */
export function maskResidentId(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(14)}`;
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
