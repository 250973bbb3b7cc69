import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '../bench/processes.js';
import { samplePersonId } from '../bench/queries.js';
import { todayInChina } from '../platform/time.js';
import { enterpriseAt } from '../samples/synthetic.js';
import { ask, benchQuery, clientOperations, startHive, type Caller, type Outcome } from './helpers/partition-equivalence.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';

/**
 * Issue 15, "Done when" 1: one dataset (seed 7, 50) split across 1, 3 and 8 provincial instances of cases,
 * evaluation and appeals (plus the national instance) answers every client operation and every bench
 * query exactly as the unpartitioned deployment does: the same data, the same error codes, through our
 * gateway and through Hive Gateway, and national lists page to their end with the same items in the same
 * order. This is the specification: where it fails, the partitioned graph answers differently.
 */
// the provinces the sample data lives in (reference/divisions.ts servedDivisions); its 50 cases are in
// the first four of them
const SEEDED = ['11', '31', '33', '44', '51', '62'];
const WITH_CASES = ['11', '31', '33', '44'];
const DEPLOYMENTS = [
  { label: '1 province (44)', provinces: ['44'] },
  { label: '3 provinces (11, 33, 51)', provinces: ['11', '33', '51'] },
  // every seeded province and two without data (12, 65): the national instance holds nothing
  { label: '8 provinces', provinces: [...SEEDED, '12', '65'] },
];
// scopes of a division: a county (in Guangdong), a province (Beijing), the whole country
const SCOPES = { county: '440103', province: '110000', national: '000000' } as const;
type Scope = keyof typeof SCOPES;
const today = todayInChina();
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

/** Facts of the dataset the variables are chosen from, read from the unpartitioned deployment. */
interface Context {
  /** a case per seeded province, applied for by a person */
  caseOf: Record<string, { id: string; applicantId: string }>;
  /** the person whose own cases span the most provinces */
  citizen: string;
  persons: string[];
}

interface Row {
  name: string;
  query: string;
  caller(ctx: Context): Caller;
  variables(ctx: Context): Record<string, unknown>;
}

const ops = clientOperations();
const BACK = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const officer = (): Caller => ({ kind: 'officer' });
const anonymous = (): Caller => ({ kind: 'anonymous' });
const scoped = (name: string, query: string, caller: () => Caller, vars: (code: string) => Record<string, unknown>): Row[] =>
  (Object.keys(SCOPES) as Scope[]).map((scope) => ({ name: `${name} @${scope} ${SCOPES[scope]}`, query, caller, variables: () => vars(SCOPES[scope]) }));
const perCase = (name: string, query: string, caller: (ctx: Context, province: string) => Caller): Row[] =>
  WITH_CASES.map((p) => ({ name: `${name} case of province ${p}`, query, caller: (ctx) => caller(ctx, p), variables: (ctx) => ({ id: ctx.caseOf[p]!.id }) }));
const perPerson = (name: string, query: string): Row[] =>
  [0, 1, 2].map((i) => ({ name: `${name} person #${i}`, query, caller: officer, variables: (ctx) => ({ id: ctx.persons[i] }) }));
const figures = (code: string) => ({ code, from: yearAgo, to: today });

const ROWS: Row[] = [
  // tests/operations
  ...perCase('op CasePage (citizen, own case)', ops.CasePage!, (ctx, p) => ({ kind: 'citizen', subject: ctx.caseOf[p]!.applicantId })),
  ...[0, 1, 4].map((i) => ({
    name: `op EnterprisePage enterprise #${i}`,
    query: ops.EnterprisePage!,
    caller: officer,
    variables: () => ({ creditCode: enterpriseAt(7, i, 50).creditCode }),
  })),
  ...perPerson('op PersonPage', ops.PersonPage!),
  ...(['UNDER_REVIEW', 'SUBMITTED'] as const).flatMap((status) =>
    [0, 1].map((i) => ({
      name: `op CaseQueue ${status} person #${i}`,
      query: ops.CaseQueue!,
      caller: officer,
      variables: (ctx: Context) => ({ status, person: ctx.persons[i] }),
    })),
  ),
  ...scoped('op RegionDashboard (supervisor)', ops.RegionDashboard!, () => ({ kind: 'supervisor' }), figures),
  ...scoped('op RegionServices', ops.RegionServices!, anonymous, (code) => ({ code })),
  ...scoped('op SupplyEfficiency (supervisor)', ops.SupplyEfficiency!, () => ({ kind: 'supervisor' }), figures),
  ...scoped(
    'op SupplyFirst (supervisor)',
    ops.SupplyFirst!,
    () => ({ kind: 'supervisor' }),
    (code) => ({ ...figures(code), first: 100 }),
  ),
  // suppression after combining: a country's group may reach 10 people where no province's does
  ...scoped('op DigitalDivide (anonymous)', ops.DigitalDivide!, anonymous, figures),
  {
    name: 'op ProvincesSideBySide (supervisor)',
    query: ops.ProvincesSideBySide!,
    caller: () => ({ kind: 'supervisor' }),
    variables: () => ({ from: yearAgo, to: today }),
  },
  { name: 'op RegionsWithItems @prefecture 440100', query: ops.RegionsWithItems!, caller: anonymous, variables: () => ({ parent: '440100', first: 10 }) },
  { name: 'op RegionsWithItems @province 440000', query: ops.RegionsWithItems!, caller: anonymous, variables: () => ({ parent: '440000', first: 10 }) },
  { name: 'op RegionsWithItems @national', query: ops.RegionsWithItems!, caller: anonymous, variables: () => ({ level: 'PROVINCE', first: 40 }) },
  ...scoped('op ServiceSearch', ops.ServiceSearch!, anonymous, (region) => ({ region, first: 10 })),
  { name: 'op ServiceSearch (no region)', query: ops.ServiceSearch!, caller: anonymous, variables: () => ({ search: '证', first: 10 }) },
  // bench/queries
  { name: 'bench catalog-search', query: benchQuery('catalog-search.graphql'), caller: anonymous, variables: () => ({ search: '证', first: 20 }) },
  ...perPerson('bench person-page', benchQuery('person-page.graphql')),
  ...scoped('bench region-dashboard (anonymous)', benchQuery('region-dashboard.graphql'), anonymous, figures),
  ...perCase('bench case-page (officer)', benchQuery('case-page.graphql'), officer),
  { name: 'bench cases-list @national', query: benchQuery('cases-list.graphql'), caller: officer, variables: () => ({ first: 100 }) },
];

/** National lists paged to their end, 7 (first or last) at a time; `backward` pages with last/before from the end. */
const PAGED: { name: string; query: string; caller: (ctx: Context) => Caller; backward?: boolean }[] = [
  {
    name: 'cases, national, officer',
    query: 'query($cursor: String) { cases(first: 7, after: $cursor) { nodes { id status region { code } } pageInfo { hasNextPage endCursor } } }',
    caller: officer,
  },
  {
    name: 'appeals, national, officer',
    query: 'query($cursor: String) { appeals(first: 7, after: $cursor) { nodes { id kind category region { code } } pageInfo { hasNextPage endCursor } } }',
    caller: officer,
  },
  {
    name: "a citizen's own cases",
    query: 'query($cursor: String) { cases(first: 1, after: $cursor) { nodes { id region { code } } pageInfo { hasNextPage endCursor } } }',
    caller: (ctx: Context): Caller => ({ kind: 'citizen', subject: ctx.citizen }),
  },
  {
    name: 'cases, national, officer, backward from the end, with totalCount',
    query: `query($cursor: String) { cases(last: 7, before: $cursor) { totalCount nodes { id status } ${BACK} } }`,
    caller: officer,
    backward: true,
  },
  {
    name: 'cases, national, officer, oldest first, with totalCount',
    query: `query($cursor: String) { cases(orderBy: OLDEST_FIRST, first: 7, after: $cursor) { totalCount nodes { id } ${BACK} } }`,
    caller: officer,
  },
  {
    name: 'cases, national, officer, due soonest',
    query: `query($cursor: String) { cases(orderBy: DUE_SOONEST, first: 7, after: $cursor) { nodes { id dueDate } ${BACK} } }`,
    caller: officer,
  },
  {
    name: 'cases, national, officer, due soonest, backward',
    query: `query($cursor: String) { cases(orderBy: DUE_SOONEST, last: 7, before: $cursor) { totalCount nodes { id dueDate } ${BACK} } }`,
    caller: officer,
    backward: true,
  },
  {
    name: 'appeals, national, officer, backward, with totalCount',
    query: `query($cursor: String) { appeals(last: 7, before: $cursor) { totalCount nodes { id kind region { code } } ${BACK} } }`,
    caller: officer,
    backward: true,
  },
  {
    name: "a citizen's own cases, backward, with totalCount",
    query: `query($cursor: String) { cases(last: 1, before: $cursor) { totalCount nodes { id region { code } } ${BACK} } }`,
    caller: (ctx: Context): Caller => ({ kind: 'citizen', subject: ctx.citizen }),
    backward: true,
  },
];

type Info = { hasNextPage: boolean; endCursor: string | null; hasPreviousPage?: boolean; startCursor?: string | null };

/** Every page of a list: forward with $cursor as after, or backward with $cursor as before, from the end. */
async function pages(url: string, query: string, caller: Caller, backward = false): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let cursor: string | null = null;
  // a list of at most a few hundred records: 200 pages is far past its end
  for (let i = 0; i < 200; i++) {
    const page = await ask(url, query, { cursor }, caller);
    out.push(page);
    const info = Object.values((page.data ?? {}) as Record<string, { pageInfo?: Info } | null>)[0]?.pageInfo;
    if (!(backward ? info?.hasPreviousPage : info?.hasNextPage)) break;
    cursor = (backward ? info?.startCursor : info?.endCursor) ?? null;
  }
  return out;
}

let base: TestPlatform;
/** Hive Gateway over the unpartitioned deployment: what Hive answers over the partitioned graph is compared with it */
let baseHive: Child | undefined;
let ctx: Context;
const expected = new Map<string, Promise<unknown>>();
const once = <T>(key: string, make: () => Promise<T>) => {
  if (!expected.has(key)) expected.set(key, make());
  return expected.get(key) as Promise<T>;
};

// the bench would be rate limited too: one caller sends every comparison
const ENV = { RATE_LIMIT_CAPACITY: '1000000000', RATE_LIMIT_REFILL_PER_SECOND: '1000000000' };

beforeAll(async () => {
  base = await startPlatform(ENV);
  const all = await pages(
    base.gateway.url,
    'query($cursor: String) { cases(first: 100, after: $cursor) { nodes { id applicantKind applicantId region { code } } pageInfo { hasNextPage endCursor } } }',
    officer(),
  );
  expect(all.flatMap((p) => p.codes)).toEqual([]);
  const cases = all.flatMap((p) => (p.data as any).cases.nodes as { id: string; applicantKind: string; applicantId: string; region: { code: string } }[]);
  const byPerson = cases.filter((c) => c.applicantKind === 'PERSON');
  const caseOf = Object.fromEntries(WITH_CASES.map((p) => [p, byPerson.find((c) => c.id.startsWith(p))!]));
  // the person with the most cases (the sample data has nobody with cases in two provinces)
  const count = new Map<string, number>();
  for (const c of byPerson) count.set(c.applicantId, (count.get(c.applicantId) ?? 0) + 1);
  const citizen = [...count].sort((a, b) => b[1] - a[1])[0]![0];
  // the bench's person, and applicants of cases in two provinces
  const persons = [samplePersonId(50, 7), caseOf['44']!.applicantId, caseOf['33']!.applicantId];
  ctx = { caseOf, citizen, persons };
  baseHive = await startHive(base);
  expect(Object.values(caseOf).every(Boolean), 'the sample data has a case applied for by a person in every seeded province').toBe(true);
  expect(count.get(citizen), 'the citizen has more than one case').toBeGreaterThan(1);
}, 300_000);
afterAll(async () => {
  await baseHive?.stop();
  await base?.close();
}, 120_000);

type Gateway = 'our gateway' | 'Hive Gateway';
const baseUrl = (gateway: Gateway) => (gateway === 'our gateway' ? base.gateway.url : baseHive!.url);
/** The unpartitioned deployment's answer through the same gateway: partitioning must not show, whoever plans the query. */
const unpartitioned = (row: Row, gateway: Gateway = 'our gateway') =>
  once(`${gateway} ${row.name}`, () => ask(baseUrl(gateway), row.query, row.variables(ctx), row.caller(ctx)));
const unpartitionedPages = (p: (typeof PAGED)[number], gateway: Gateway) =>
  once(`${gateway} pages ${p.name}`, () => pages(baseUrl(gateway), p.query, p.caller(ctx), p.backward));

/** Every row and every paged list through one gateway, each compared with the unpartitioned deployment through the same gateway. */
function compareThrough(gateway: Gateway, url: () => string, label: string) {
  it.each(ROWS.map((r) => [r.name, r] as const))(`%s, through ${gateway}`, async (_, row) => {
    const variables = row.variables(ctx);
    const got = await ask(url(), row.query, variables, row.caller(ctx));
    expect(got, `${row.name} ${JSON.stringify(variables)} on ${label} through ${gateway}`).toEqual(await unpartitioned(row, gateway));
  });

  it.each(PAGED.map((p) => [p.name, p] as const))(`pages %s to its end, through ${gateway}`, async (_, p) => {
    const want = await unpartitionedPages(p, gateway);
    expect(want.length, 'the list is longer than one page').toBeGreaterThan(1);
    const got = await pages(url(), p.query, p.caller(ctx), p.backward);
    expect(got, `${p.name} on ${label} through ${gateway}`).toEqual(want);
  });
}

// a comparison of two refusals proves little: every row, the country's (000000) included, is an answer
it('compares answers: the unpartitioned deployment answers every row without an error', async () => {
  const refused = [];
  for (const row of ROWS) if ((await unpartitioned(row)).codes.length > 0) refused.push(row.name);
  expect(refused).toEqual([]);
});

/**
 * The control: Hive Gateway and ours over the unpartitioned graph answer the same, but for one known
 * difference of Hive's own. Case.materials (certificates, @requires of fields from cases and the catalog)
 * comes back null from Hive, with no error, although the certificates department answers it (the
 * _entities request and its answer were captured: the materials are in it); ours answers the list.
 */
const HIVE_DROPS_MATERIALS = (row: Row) => row.name.startsWith('op CasePage');
describe('unpartitioned: Hive Gateway answers as ours (control)', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_, row) => {
    const [ours, hive] = await Promise.all([unpartitioned(row), unpartitioned(row, 'Hive Gateway')]);
    if (!HIVE_DROPS_MATERIALS(row)) return void expect(hive).toEqual(ours);
    const theirs = structuredClone(hive) as { data: { case: { materials: unknown } } };
    expect(theirs.data.case.materials).toBeNull();
    expect((ours as { data: { case: { materials: unknown[] } } }).data.case.materials.length).toBeGreaterThan(0);
    theirs.data.case.materials = (ours as { data: { case: { materials: unknown } } }).data.case.materials;
    expect(theirs).toEqual(ours);
  });
});

describe.each(DEPLOYMENTS)('partitioned across $label, compared with the unpartitioned deployment', ({ label, provinces }) => {
  let split: TestPlatform;
  let hive: Child | undefined;
  beforeAll(async () => {
    split = await startPlatform(ENV, { partitioned: { cases: provinces, evaluation: provinces, appeals: provinces } });
    hive = await startHive(split);
  }, 600_000);
  afterAll(async () => {
    await hive?.stop();
    await split?.close();
  }, 120_000);

  compareThrough('our gateway', () => split.gateway.url, label);
  compareThrough('Hive Gateway', () => hive!.url, label);
});
