import { jurisdictionOf, PROVINCE_CODES } from '../identifiers/jurisdiction.js';

/**
 * Where a record lives when a department is partitioned by administrative level: each province (31 and
 * the Xinjiang Production and Construction Corps) may run its own instance of the department over its
 * own database; the national instance serves every province that runs none. A jurisdiction is the
 * two-digit GB/T 2260 province code; null is national scope (the whole country, or no division given).
 */
export type Province = string;

/** The province of a division code, or null for the country ('000000') and anything that is no division of a province. */
export function provinceOfDivision(code: string): Province | null {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2)) ? code.slice(0, 2) : null;
}

/**
 * The province a carried value names: a division code; an id that begins with its province (a case
 * `44C20261202…`, platform/identifiers/jurisdiction.ts); or a code with a division inside it after a
 * level digit (an implementation `XK-000101-001-3440106-…`). Null when it names none.
 */
export function provinceOf(value: unknown): Province | null {
  if (typeof value !== 'string') return null;
  if (/^\d{6}$/.test(value)) return provinceOfDivision(value);
  const embedded = /-\d(\d{6})-/.exec(value);
  if (embedded) return provinceOfDivision(embedded[1]!);
  return jurisdictionOf(value);
}
