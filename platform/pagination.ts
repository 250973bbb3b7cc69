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
