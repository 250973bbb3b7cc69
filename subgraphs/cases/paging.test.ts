import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { todayInChina } from '../../platform/time.js';
import { cases } from './department.js';
import type { Case } from './entities.js';
import { generateCases } from './seed.js';

const SEED = { size: 300, seed: 7 };
const rows = [...generateCases(SEED, todayInChina())].map((g) => g.row);

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(cases, SEED);
});
afterAll(() => dept?.close());

const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-1', department: null, scopes: ['cases:read'] };
const citizen = (subject: string): Caller => ({ role: 'CITIZEN', subject, department: null, scopes: [] });
const q = (query: string, variables: Record<string, unknown> = {}, caller: Caller = OFFICER) =>
  dept.query(query, variables, { caller, purpose: 'case handling' });

// the orders written out independently of platform/pagination.ts
const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const newest = (a: Case, b: Case) => byString(b.id.slice(2), a.id.slice(2)) || byString(b.id, a.id);
const EXPECTED: Record<string, (a: Case, b: Case) => number> = {
  NEWEST_FIRST: newest,
  OLDEST_FIRST: (a, b) => -newest(a, b),
  DUE_SOONEST: (a, b) => byString(a.dueDate ?? '9999-12-31', b.dueDate ?? '9999-12-31') || -newest(a, b),
};

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
type Answer = { nodes: { id: string }[]; pageInfo: PageInfo; totalCount: number };
const LIST = `query($status: CaseStatus, $orderBy: CaseOrder, $first: Int, $after: String, $last: Int, $before: String) {
  cases(status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount
  }
}`;

async function page(variables: Record<string, unknown>, caller?: Caller): Promise<Answer> {
  const res = await q(LIST, variables, caller);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.cases as Answer;
}

/** Every page forward, then every page backward from the end: the ids each way. */
async function pageThrough(variables: Record<string, unknown>, size: number, caller?: Caller) {
  const forward: string[] = [];
  let after: string | null = null;
  for (;;) {
    const p: Answer = await page({ ...variables, first: size, after }, caller);
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    forward.push(...p.nodes.map((n) => n.id));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  const backward: string[] = [];
  let before: string | null = null;
  for (;;) {
    const p: Answer = await page({ ...variables, last: size, before }, caller);
    expect(p.pageInfo.hasNextPage).toBe(before !== null);
    backward.unshift(...p.nodes.map((n) => n.id));
    if (!p.pageInfo.hasPreviousPage) break;
    before = p.pageInfo.startCursor;
  }
  return { forward, backward };
}

describe('Query.cases: orders, backward paging, totalCount', () => {
  it.each(Object.keys(EXPECTED))('%s: forward and backward to the end give the list in its order, totalCount its length', async (orderBy) => {
    // every case: some without a due date yet, many sharing one
    const expected = [...rows].sort(EXPECTED[orderBy]).map((c) => c.id);
    expect(rows.some((c) => c.dueDate === null)).toBe(true);
    const { forward, backward } = await pageThrough({ orderBy }, Math.ceil(expected.length / 6));
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
    expect((await page({ orderBy, first: 3 })).totalCount).toBe(expected.length);
    const status = 'UNDER_REVIEW';
    expect((await page({ status, orderBy, first: 3 })).totalCount).toBe(rows.filter((c) => c.status === status).length);
  });

  it('first: 0 is a count-only page: no nodes, the count, whether nodes follow', async () => {
    const p = await page({ status: 'DELIVERED', first: 0 });
    expect(p.nodes).toEqual([]);
    expect(p.totalCount).toBe(rows.filter((c) => c.status === 'DELIVERED').length);
    expect(p.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('last without before is the end of the list, in the list order', async () => {
    const expected = [...rows].sort(newest).map((c) => c.id);
    const p = await page({ last: 4 });
    expect(p.nodes.map((n) => n.id)).toEqual(expected.slice(-4));
    expect(p.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it("a citizen's totalCount counts their own cases only", async () => {
    const applicant = rows.find((c) => c.applicantKind === 'PERSON' && c.agentId === null)!.applicantId;
    const own = rows.filter((c) => (c.applicantKind === 'PERSON' && c.applicantId === applicant) || c.agentId === applicant);
    const p = await page({ first: 0 }, citizen(applicant));
    expect(p.totalCount).toBe(own.length);
    expect(p.totalCount).toBeLessThan(rows.length);
  });

  it.each([
    ['a cursor of another order', async () => ({ orderBy: 'OLDEST_FIRST', after: (await page({ first: 1 })).pageInfo.endCursor }), 'after', /another order/],
    [
      'a cursor of another order, backward',
      async () => ({ before: (await page({ orderBy: 'DUE_SOONEST', first: 1 })).pageInfo.endCursor }),
      'before',
      /another order/,
    ],
    ['a cursor the API never made', async () => ({ after: Buffer.from('x').toString('base64url') }), 'after', /not a cursor/],
    ['first and last together', async () => ({ first: 2, last: 2 }), 'last', /not both/],
    ['last with after', async () => ({ last: 2, after: (await page({ first: 1 })).pageInfo.endCursor }), 'after', /not both/],
    ['a negative last', async () => ({ last: -1 }), 'last', /between 0 and 100/],
    ['last over 100', async () => ({ last: 101 }), 'last', /between 0 and 100/],
  ])('refuses %s as BAD_USER_INPUT naming the argument', async (_, variables, argument, message) => {
    const res = await q(LIST, await variables());
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(res.status).toBe(400);
  });

  it("a cursor made from another citizen's case reveals nothing of it", async () => {
    const mine = rows.find((c) => c.applicantKind === 'PERSON' && c.agentId === null)!;
    const theirs = rows.find((c) => c.applicantId !== mine.applicantId && c.agentId !== mine.applicantId)!;
    const made = Buffer.from(`k:${theirs.id}`).toString('base64url');
    const p = await page({ after: made, first: 100 }, citizen(mine.applicantId));
    expect(
      p.nodes.every((n) => rows.find((c) => c.id === n.id)!.applicantId === mine.applicantId || rows.find((c) => c.id === n.id)!.agentId === mine.applicantId),
    ).toBe(true);
    expect(p.nodes.map((n) => n.id)).not.toContain(theirs.id);
  });
});

describe("an owner's cases (Person.cases through _entities)", () => {
  it('pages forward and backward alike, with the owner’s totalCount', async () => {
    const counts = new Map<string, number>();
    for (const c of rows) if (c.applicantKind === 'PERSON') counts.set(c.applicantId, (counts.get(c.applicantId) ?? 0) + 1);
    const [person] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const expected = rows
      .filter((c) => c.applicantKind === 'PERSON' && c.applicantId === person)
      .sort(newest)
      .map((c) => c.id);
    const ask = async (args: string) => {
      const res = await q(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { cases(${args}) { nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } totalCount } } } }`,
        { r: [{ __typename: 'Person', id: person }] },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data!._entities[0].cases as Answer;
    };
    const all = await ask('first: 100');
    expect(all.nodes.map((n) => n.id)).toEqual(expected);
    expect(all.totalCount).toBe(expected.length);
    const end = await ask('last: 1');
    expect(end.nodes.map((n) => n.id)).toEqual(expected.slice(-1));
    const before = await ask(`last: 100, before: "${end.pageInfo.startCursor}"`);
    expect(before.nodes.map((n) => n.id)).toEqual(expected.slice(0, -1));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});

describe("ATTACK: another person's count", () => {
  it("a citizen asking for another person's cases learns neither them nor their count", async () => {
    const [alice, bob] = [...new Set(rows.filter((c) => c.applicantKind === 'PERSON' && c.agentId === null).map((c) => c.applicantId))];
    const res = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { cases(first: 0) { totalCount } } } }',
      { r: [{ __typename: 'Person', id: alice }] },
      citizen(bob!),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data ?? null)).not.toMatch(/totalCount":\d/);
  });
});
