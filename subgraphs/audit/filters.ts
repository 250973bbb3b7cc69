import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError } from '../../platform/errors.js';
import { checkCreditCode, checkDate, checkResidentId } from '../../platform/identifiers/index.js';
import { pageRequest } from '../../platform/pagination.js';
import type { AccessEntry } from './entities.js';

export interface LogFilters {
  subjectId?: string | null;
  callerSubject?: string | null;
  department?: string | null;
  purpose?: string | null;
  withheld?: boolean | null;
  from?: string | null;
  to?: string | null;
}

/** The accessLog / exportAccessLog filters as one WHERE; every one has an index ending in seq. */
export function logWhere({ subjectId, callerSubject, department, purpose, withheld, from, to }: LogFilters): FilterQuery<AccessEntry>[] {
  const where: FilterQuery<AccessEntry>[] = timeRange(from, to);
  if (subjectId) where.push({ subjectId: checkSubjectId(subjectId) });
  if (callerSubject) where.push({ callerSubject });
  if (department) where.push({ department });
  if (purpose) where.push({ purpose });
  if (withheld != null) where.push({ withheld });
  return where;
}

/**
 * from <= at <= to. Each is an ISO 8601 time with a zone, or a date, which
 * means a whole UTC day: from 2026-03-01 starts at its midnight, to 2026-03-31
 * includes all of March 31. Times are compared in the stored form (UTC, ms).
 */
export function timeRange(from?: string | null, to?: string | null): FilterQuery<AccessEntry>[] {
  const where: FilterQuery<AccessEntry>[] = [];
  const start = from ? instant(from, 'from', false) : null;
  const end = to ? instant(to, 'to', true) : null;
  if (start && end && (start.at > end.at || (end.exclusive && start.at === end.at))) throw new BadInputError(`must not be after to (${to})`, 'from');
  if (start) where.push({ at: { $gte: start.at } });
  if (end) where.push({ at: end.exclusive ? { $lt: end.at } : { $lte: end.at } });
  return where;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string, argument: string, end: boolean): { at: string; exclusive: boolean } {
  if (DATE.test(value)) {
    const problem = checkDate(value);
    if (problem) throw new BadInputError(problem, argument);
    const midnight = Date.parse(`${value}T00:00:00.000Z`);
    return end ? { at: new Date(midnight + 86_400_000).toISOString(), exclusive: true } : { at: new Date(midnight).toISOString(), exclusive: false };
  }
  if (!TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadInputError(
      `must be a date (2026-03-01) or an ISO 8601 time with a zone (2026-03-01T08:00:00Z), got ${JSON.stringify(value.slice(0, 40))}`,
      argument,
    );
  }
  return { at: new Date(value).toISOString(), exclusive: false };
}

function checkSubjectId(value: string): string {
  const person = /^\d{17}[\dX]$/.test(value);
  const problem = person ? checkResidentId(value) : checkCreditCode(value);
  // 18 digits is also the shape of an all-digit credit code (individual businesses, often starting 92)
  if (problem && !(person && checkCreditCode(value) === null)) {
    throw new BadInputError(`is not a valid ${person ? 'identity number' : 'credit code'}: ${problem}`, 'subjectId');
  }
  return value;
}

/** Decodes `after` into the seq it stands for (cursors are opaque: the base64url of a seq). */
export function seqAfter(after: string | null | undefined): number | null {
  const key = pageRequest({ after }).after;
  if (key === null) return null;
  if (!/^\d{1,15}$/.test(key)) throw new BadInputError('is not a cursor this API returned; pass pageInfo.endCursor', 'after');
  return Number(key);
}

export const seqCursor = (entry: AccessEntry) => String(entry.seq);
