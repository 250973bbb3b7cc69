import { divisions } from '../../reference/divisions.js';

/**
 * Where a record lives when a department is partitioned by administrative level: each province (31 and
 * the Xinjiang Production and Construction Corps) may run its own instance of the department over its
 * own database; the national instance serves every province that runs none. A jurisdiction is the
 * two-digit GB/T 2260 province code; null is national scope (the whole country, or no division given).
 */
export type Province = string;

const PROVINCES: ReadonlySet<Province> = new Set(
  divisions()
    .filter((d) => d.level === 'PROVINCE')
    .map((d) => d.code.slice(0, 2)),
);

export function isProvince(code: string): boolean {
  return PROVINCES.has(code);
}

/** The province of a division code, or null for the country ('000000') and anything that is no division of a province. */
export function provinceOfDivision(code: string): Province | null {
  const province = /^\d{6}$/.test(code) ? code.slice(0, 2) : '';
  return isProvince(province) ? province : null;
}

/**
 * The province a carried value names: a division code; an id that begins with its province (a case
 * `44C20261202…`); or a code with a division inside it after a level digit (an implementation
 * `XK-000101-001-3440106-…`). Null when it names none: the caller asked about no one province.
 */
export function provinceOf(value: unknown): Province | null {
  if (typeof value !== 'string') return null;
  if (/^\d{6}$/.test(value)) return provinceOfDivision(value);
  const prefix = /^(\d{2})[A-Z]/.exec(value);
  if (prefix) return isProvince(prefix[1]!) ? prefix[1]! : null;
  const embedded = /-\d(\d{6})-/.exec(value);
  return embedded ? provinceOfDivision(embedded[1]!) : null;
}
