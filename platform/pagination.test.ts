import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { compareIn, encodeCursor, PAGE_ORDERS, pageRequest, sortKey, toPage } from './pagination.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof GraphQLError) return { code: e.extensions.code, argument: e.extensions.argument, message: e.message };
    throw e;
  }
  return expect.fail('not refused');
};

describe('pageRequest', () => {
  it('pages forward by default, 20 at a time; first: 0 is a count-only page', () => {
    expect(pageRequest({})).toEqual({ limit: 20, backward: false, after: null, before: null });
    expect(pageRequest({ first: 0 }).limit).toBe(0);
    expect(pageRequest({ first: 100 }).limit).toBe(100);
  });

  it('pages backward with last and/or before', () => {
    expect(pageRequest({ last: 5 })).toEqual({ limit: 5, backward: true, after: null, before: null });
    expect(pageRequest({ before: encodeCursor('X') })).toEqual({ limit: 20, backward: true, after: null, before: 'X' });
  });

  it.each([
    [{ first: -1 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 1.5 }, 'first'],
    [{ last: -1 }, 'last'],
    [{ last: 101 }, 'last'],
    [{ first: 1, last: 1 }, 'last'],
    [{ first: 1, before: encodeCursor('X') }, 'last'],
    [{ last: 1, after: encodeCursor('X') }, 'after'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    [{ before: Buffer.from('k').toString('base64url') }, 'before'],
  ])('refuses %j as BAD_USER_INPUT naming %s', (args, argument) => {
    expect(refusal(() => pageRequest(args))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('reads a cursor only in the order it belongs to', () => {
    const dueSoonest = encodeCursor('2026-01-05|11C2026…', PAGE_ORDERS.DUE_SOONEST.tag);
    expect(pageRequest({ after: dueSoonest }, PAGE_ORDERS.DUE_SOONEST.tag).after).toBe('2026-01-05|11C2026…');
    expect(refusal(() => pageRequest({ after: dueSoonest }))).toMatchObject({ argument: 'after', message: expect.stringMatching(/another order/) });
    expect(refusal(() => pageRequest({ before: encodeCursor('x') }, PAGE_ORDERS.OLDEST_FIRST.tag))).toMatchObject({ argument: 'before' });
  });
});

describe('toPage', () => {
  const key = (n: number) => String(n);
  it('forward: the extra row says a next page exists; a cursor says a previous one does', () => {
    expect(toPage([1, 2, 3], { limit: 2, after: null }, key).pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('1'),
      endCursor: encodeCursor('2'),
    });
    expect(toPage([3], { limit: 2, after: '2' }, key).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('backward: rows come nearest the cursor first and are put back in the list order', () => {
    const page = toPage([9, 8, 7], { limit: 2, backward: true, before: '10' }, key);
    expect(page.nodes).toEqual([8, 9]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor('8'), endCursor: encodeCursor('9') });
  });

  it('a count-only page has no nodes and no cursors, and says whether nodes follow', () => {
    expect(toPage([1], { limit: 0, after: null }, key)).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});

describe('orders', () => {
  const ids = ['44C20260102000001', '11C20260102000001', '11C20260103000001', '33C20251230000009'];
  it('NEWEST_FIRST runs across provinces by the id without its province; OLDEST_FIRST is its reverse', () => {
    const newest = [...ids].sort((a, b) => compareIn(PAGE_ORDERS.NEWEST_FIRST, { id: a }, { id: b }));
    expect(newest).toEqual(['11C20260103000001', '44C20260102000001', '11C20260102000001', '33C20251230000009']);
    expect([...ids].sort((a, b) => compareIn(PAGE_ORDERS.OLDEST_FIRST, { id: a }, { id: b }))).toEqual([...newest].reverse());
  });

  it('DUE_SOONEST: the nearest due date first, none last, the longest waiting first among equals', () => {
    const rows = [
      { id: ids[0], dueDate: '2026-02-01' },
      { id: ids[1], dueDate: null },
      { id: ids[2], dueDate: '2026-01-20' },
      { id: ids[3], dueDate: '2026-02-01' },
    ];
    const sorted = [...rows].sort((a, b) => compareIn(PAGE_ORDERS.DUE_SOONEST, a, b)).map((r) => r.id);
    expect(sorted).toEqual([ids[2], ids[3], ids[0], ids[1]]);
    expect(sortKey(PAGE_ORDERS.DUE_SOONEST, rows[1]!)).toBe(`|${ids[1]}`);
  });
});
