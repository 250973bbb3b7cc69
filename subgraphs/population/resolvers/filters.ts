import { BadInputError } from '../../../platform/errors.js';
import { divisionLevel } from '../../../platform/identifiers/division-code.js';

const MAX_NAME_LENGTH = 20;

/**
 * People registered in a division: the county itself, or any county below a
 * prefecture or province. Codes are fixed-width digits, so a range matches
 * the same rows under every collation and uses the (region_code, id) index.
 */
export function regionFilter(code: string): string | { $gte: string; $lte: string } {
  switch (divisionLevel(code)) {
    case 'COUNTY':
      return code;
    case 'PREFECTURE':
      return { $gte: code, $lte: `${code.slice(0, 4)}99` };
    case 'PROVINCE':
      return { $gte: code, $lte: `${code.slice(0, 2)}9999` };
  }
}

/**
 * Checks a name prefix. LIKE wildcards are refused rather than escaped: no
 * name contains them, and SQLite and PostgreSQL disagree on the default escape.
 */
export function checkNamePrefix(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new BadInputError('must not be empty', 'name');
  if (Array.from(trimmed).length > MAX_NAME_LENGTH) throw new BadInputError(`must be at most ${MAX_NAME_LENGTH} characters`, 'name');
  if (/[%_\\]/.test(trimmed)) throw new BadInputError('must not contain %, _ or \\', 'name');
  return trimmed;
}
