import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError } from '../../../platform/errors.js';
import { divisionLevel } from '../../../platform/identifiers/division-code.js';
import type { Person } from '../entities.js';

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
 * Names starting with a prefix: equality on the first character walks the
 * (name_initial, id) index in keyset order, LIKE checks the rest. Wildcards
 * are refused rather than escaped: no name contains them, and SQLite and
 * PostgreSQL disagree on the default escape character.
 */
export function namePrefixFilter(name: string): FilterQuery<Person> {
  const prefix = Array.from(name.trim());
  if (prefix.length === 0) throw new BadInputError('must not be empty', 'name');
  if (prefix.length > MAX_NAME_LENGTH) throw new BadInputError(`must be at most ${MAX_NAME_LENGTH} characters`, 'name');
  if (prefix.some((c) => '%_\\'.includes(c))) throw new BadInputError('must not contain %, _ or \\', 'name');
  return { nameInitial: prefix[0]!, ...(prefix.length > 1 ? { name: { $like: `${prefix.join('')}%` } } : {}) };
}
