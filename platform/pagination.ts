import { raw, type FilterQuery } from '@mikro-orm/core';
import { BadInputError } from './errors.js';

/** The documented ceiling of `first` on every paginated field. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Validates `first`, decodes `after`; both name the argument when wrong. */
export function pageRequest(args: PageArgs): { limit: number; after: string | null } {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadInputError(`must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}`, 'first');
  }
  return { limit, after: args.after ? decodeCursor(args.after) : null };
}

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:')) throw new BadInputError('is not a cursor this API returned; pass pageInfo.endCursor', 'after');
  return text.slice(2);
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only says
 * whether another page exists, so no count query is needed.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, limit);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(keyOf(last)) : null } };
}

/**
 * "Newest first" over ids that begin with their province (platform/identifiers/jurisdiction.ts:
 * `44C20261202…`): the id without its province, newest first, then the whole id for ties. Not the
 * plain id, which would list province by province; and one order every instance of a partitioned
 * department pages by alike, so the cursor (the last id) means the same to each of them. The
 * departments index the same expression (`substr(id, 3)`), so a page is an index range.
 */
const REST = (alias: string) => `substr(${alias}.id, 3)`;

export const NEWEST_FIRST = [{ [raw(REST)]: 'desc' }, { id: 'desc' }] as const;

/** The rows after a cursor in NEWEST_FIRST order. */
export function newestAfter<T extends { id: string }>(after: string): FilterQuery<T> {
  const rest = after.slice(2);
  return { $or: [{ [raw(REST)]: { $lt: rest } }, { $and: [{ [raw(REST)]: rest }, { id: { $lt: after } }] }] } as FilterQuery<T>;
}

/** NEWEST_FIRST as a comparator of ids (tests, and a merge of pages from several instances). */
export function compareNewestFirst(a: string, b: string): number {
  const [ra, rb] = [a.slice(2), b.slice(2)];
  if (ra !== rb) return ra < rb ? 1 : -1;
  return a === b ? 0 : a < b ? 1 : -1;
}
