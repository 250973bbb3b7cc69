import { raw, type FilterQuery } from '@mikro-orm/core';
import { BadInputError } from './errors.js';

/** The documented ceiling of `first` and `last` on every paginated field. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay's arguments: forward with first/after, backward with last/before. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A page whose connection answers totalCount: `count` runs only when a client selects it. */
export interface CountedPage<T> extends Page<T> {
  count: () => Promise<number>;
}

/**
 * What a page asks for: `limit` nodes (0 is a count-only page: no nodes, still pageInfo and
 * totalCount), forward after `after` or, when `backward`, the last ones before `before`.
 * `after`/`before` are the decoded keys.
 */
export interface PageRequest {
  limit: number;
  backward: boolean;
  after: string | null;
  before: string | null;
}

function size(value: number, argument: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadInputError(`must be between 0 and ${MAX_PAGE_SIZE} (0 answers only totalCount and pageInfo), got ${value}`, argument);
  }
  return value;
}

/**
 * Validates the page arguments and decodes the cursor, each error naming its argument. One
 * direction per request: `first`/`after` or `last`/`before`. `tag` is the order the list is in
 * (PageOrder.tag): a cursor of another order is refused, not read as a position in this one.
 */
export function pageRequest(args: PageArgs, tag = KEY_TAG): PageRequest {
  const backward = args.last != null || args.before != null;
  if (backward && args.first != null) throw new BadInputError('page forward with first/after or backward with last/before, not both', 'last');
  if (backward && args.after != null) throw new BadInputError('page forward with first/after or backward with last/before, not both', 'after');
  const limit = backward ? size(args.last ?? DEFAULT_PAGE_SIZE, 'last') : size(args.first ?? DEFAULT_PAGE_SIZE, 'first');
  return {
    limit,
    backward,
    after: args.after ? decodeCursor(args.after, tag, 'after') : null,
    before: args.before ? decodeCursor(args.before, tag, 'before') : null,
  };
}

/** The tag of a list's only (or default) order: `k:<key>`, as every cursor read before orders had names. */
const KEY_TAG = 'k';

/** Cursors are opaque to clients: base64url of the order's tag and the node's sort key. */
export function encodeCursor(key: string, tag = KEY_TAG): string {
  return Buffer.from(`${tag}:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, tag: string, argument: 'after' | 'before'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const pass = argument === 'after' ? 'pageInfo.endCursor' : 'pageInfo.startCursor';
  const colon = text.indexOf(':');
  const given = colon > 0 ? text.slice(0, colon) : null;
  if (given === null || !/^[A-Z_]+$|^k$/.test(given)) throw new BadInputError(`is not a cursor this API returned; pass ${pass}`, argument);
  if (given !== tag) {
    throw new BadInputError(
      `is a cursor of another order of this list; pass it with the orderBy of the page it came from, or start again without ${argument}`,
      argument,
    );
  }
  return text.slice(colon + 1);
}

/**
 * Builds a page from rows fetched with `limit + 1` in the direction asked (backward: in reverse
 * order): the extra row only says whether another page exists that way, so no count query is needed.
 * The other way, a page after (or before) a cursor has the cursor's node beyond it.
 */
export function toPage<T>(rows: T[], request: Pick<PageRequest, 'limit'> & Partial<PageRequest>, keyOf: (row: T) => string, tag = KEY_TAG): Page<T> {
  const { limit, backward = false } = request;
  const nodes = rows.slice(0, limit);
  if (backward) nodes.reverse();
  const more = rows.length > limit;
  const cursorAt = (i: number) => (nodes.length > 0 ? encodeCursor(keyOf(nodes.at(i)!), tag) : null);
  return {
    nodes,
    pageInfo: {
      hasNextPage: backward ? request.before != null : more,
      hasPreviousPage: backward ? more : request.after != null,
      startCursor: cursorAt(0),
      endCursor: cursorAt(-1),
    },
  };
}

/** One term of an order: an SQL expression over the row (`alias` is the table's), its value in a node, its direction. */
export interface OrderTerm {
  sql: (alias: string) => string;
  value: (key: readonly (string | null)[]) => string;
  desc: boolean;
}

/**
 * An order a list can be paged in, the same for a department and the jurisdiction router: `fields`
 * are the node's fields its sort key is made of (what the cursor holds and the router selects),
 * `terms` what the rows are ordered by, the last one unique.
 */
export interface PageOrder {
  name: string;
  tag: string;
  fields: readonly string[];
  terms: readonly OrderTerm[];
}

/**
 * "Newest first" over ids that begin with their province (platform/identifiers/jurisdiction.ts:
 * `44C20261202…`): the id without its province, newest first, then the whole id for ties. Not the
 * plain id, which would list province by province; and one order every instance of a partitioned
 * department pages by alike, so the cursor (the last id) means the same to each of them. The
 * departments index the same expression (`substr(id, 3)`), so a page is an index range.
 */
const REST = (alias: string) => `substr(${alias}.id, 3)`;
const ID = (alias: string) => `${alias}.id`;
/** A case with no due date yet (not accepted) sorts after every dated one. */
export const NO_DUE_DATE = '9999-12-31';

const idOf = (key: readonly (string | null)[]) => key.at(-1) ?? '';

/** The orders the router knows by name (@combine(page: …)); each list uses those its schema offers. */
export const PAGE_ORDERS = {
  NEWEST_FIRST: {
    name: 'NEWEST_FIRST',
    tag: KEY_TAG,
    fields: ['id'],
    terms: [
      { sql: REST, value: (k) => idOf(k).slice(2), desc: true },
      { sql: ID, value: idOf, desc: true },
    ],
  },
  OLDEST_FIRST: {
    name: 'OLDEST_FIRST',
    tag: 'OLDEST_FIRST',
    fields: ['id'],
    terms: [
      { sql: REST, value: (k) => idOf(k).slice(2), desc: false },
      { sql: ID, value: idOf, desc: false },
    ],
  },
  ID: { name: 'ID', tag: KEY_TAG, fields: ['id'], terms: [{ sql: ID, value: idOf, desc: false }] },
  // a work queue: the nearest due date first, the longest waiting first among equals
  DUE_SOONEST: {
    name: 'DUE_SOONEST',
    tag: 'DUE_SOONEST',
    fields: ['dueDate', 'id'],
    terms: [
      { sql: (a) => `coalesce(${a}.due_date, '${NO_DUE_DATE}')`, value: (k) => k[0] ?? NO_DUE_DATE, desc: false },
      { sql: REST, value: (k) => idOf(k).slice(2), desc: false },
      { sql: ID, value: idOf, desc: false },
    ],
  },
} as const satisfies Record<string, PageOrder>;

export type PageOrderName = keyof typeof PAGE_ORDERS;

export function isPageOrder(name: unknown): name is PageOrderName {
  return typeof name === 'string' && Object.hasOwn(PAGE_ORDERS, name);
}

/** A node's sort key in an order: its `fields`, as the cursor holds them ('' for null). */
export function sortKey(order: PageOrder, node: Readonly<Record<string, unknown>>): string {
  return order.fields
    .map((f) => node[f])
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))
    .join('|');
}

const keyParts = (order: PageOrder, key: string): (string | null)[] => {
  const parts = key.split('|');
  // a hand-made key with the wrong shape still reads as some position, never as SQL or another row's data
  return order.fields.map((_, i) => (parts[i] ? parts[i]! : null));
};

/** Compares two nodes in an order (the router's merge of pages from several instances, tests). */
export function compareIn(order: PageOrder, a: Record<string, unknown>, b: Record<string, unknown>): number {
  const [ka, kb] = [keyParts(order, sortKey(order, a)), keyParts(order, sortKey(order, b))];
  for (const term of order.terms) {
    const [x, y] = [term.value(ka), term.value(kb)];
    if (x !== y) return (x < y ? -1 : 1) * (term.desc ? -1 : 1);
  }
  return 0;
}

/** MikroORM's orderBy for an order, reversed for a backward page. */
export function orderByOf(order: PageOrder, backward = false) {
  return order.terms.map((t) => ({ [raw(t.sql)]: t.desc !== backward ? 'desc' : 'asc' }) as Record<string, 'asc' | 'desc'>);
}

/** The rows strictly beyond a cursor's key in an order (backward: strictly before it). */
export function beyond<T>(order: PageOrder, key: string, backward = false): FilterQuery<T> {
  const parts = keyParts(order, key);
  const values = order.terms.map((t) => t.value(parts));
  const or = order.terms.map((term, i) => ({
    $and: [
      ...order.terms.slice(0, i).map((t, j) => ({ [raw(t.sql)]: values[j] })),
      { [raw(term.sql)]: { [term.desc !== backward ? '$lt' : '$gt']: values[i] } },
    ],
  }));
  return { $or: or } as FilterQuery<T>;
}

/**
 * One page of a MikroORM query in an order: the rows beyond the cursor in the direction asked,
 * `limit + 1` of them (see toPage).
 */
export function pageQuery<T>(order: PageOrder, request: PageRequest): { where: FilterQuery<T>[]; orderBy: Record<string, 'asc' | 'desc'>[]; limit: number } {
  const cursor = request.backward ? request.before : request.after;
  return {
    where: cursor !== null ? [beyond<T>(order, cursor, request.backward)] : [],
    orderBy: orderByOf(order, request.backward),
    limit: request.limit + 1,
  };
}

/** MikroORM's orderBy for NEWEST_FIRST (a whole list, unpaged: appeals/loaders.ts). */
export const NEWEST_FIRST = orderByOf(PAGE_ORDERS.NEWEST_FIRST);

/** NEWEST_FIRST as a comparator of ids (tests, and a merge of pages from several instances). */
export function compareNewestFirst(a: string, b: string): number {
  return compareIn(PAGE_ORDERS.NEWEST_FIRST, { id: a }, { id: b });
}
