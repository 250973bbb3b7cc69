import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError } from '../../../platform/errors.js';
import type { Person } from '../entities.js';

const MAX_NAME_LENGTH = 20;

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
