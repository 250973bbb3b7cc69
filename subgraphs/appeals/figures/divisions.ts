import { withinDivision } from '../../../platform/identifiers/index.js';

/** The code of the whole country in figure loaders' keys (platform/loaders.ts windowKey). */
export const COUNTRY = '*';

/** Whether a county code lies in a division (COUNTRY contains everything). */
export function contains(division: string, code: string): boolean {
  return division === COUNTRY || withinDivision(division, code);
}
