import { compareNewestFirst } from '../../platform/pagination.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { servedDivisions } from '../../reference/divisions.js';
import { makeCreditCode } from '../../platform/identifiers/index.js';
import { agencyAt } from '../../reference/agencies.js';
import { CHANNELS } from '../../reference/service-types.js';
import { personAt, residenceCounties } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { defaultCalendar } from '../../platform/working-days.js';
import { CATEGORIES, CATEGORY_LIST, KINDS, RESPONSE_LIMIT_DAYS } from './data/reference.js';
import { appeals } from './department.js';
import type { Appeal } from './entities.js';
import { periods } from './figures/trend.js';
import { unmetScore } from './figures/unmet.js';
import { contains } from './figures/divisions.js';
import { isOverdue, overdueWorkingDays } from './lifecycle.js';
import { generateAppeals } from './seed.js';
import { addDays, todayInChina } from '../../platform/time.js';

// 400 people raise 200 appeals: enough for every status, several pages and every filter
const SEED = { size: 400, seed: 7 };
const TODAY = todayInChina();
// newest first, as every list of appeals answers (platform/pagination.ts)
const ALL: Appeal[] = [...generateAppeals(SEED, TODAY)].sort((a, b) => compareNewestFirst(a.id, b.id));
const YEAR = { from: addDays(TODAY, -364), to: TODAY };

const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-1', department: 'hotline', scopes: ['appeals:read', 'appeals:write', 'appeals:unmask'] };
const READER: Caller = { role: 'OFFICER', subject: 'officer-2', department: 'hotline', scopes: ['appeals:read', 'appeals:unmask'] };
const SUPERVISOR: Caller = { role: 'SUPERVISOR', subject: 'supervisor-1', department: null, scopes: [] };
const citizen = (id: string): Caller => ({ role: 'CITIZEN', subject: id, department: null, scopes: [] });

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(appeals, SEED);
});
afterAll(() => dept?.close());

const q = (query: string, variables: Record<string, unknown> = {}, caller: Caller = OFFICER) =>
  dept.query(query, variables, { caller, purpose: caller.role === 'OFFICER' ? 'appeals test' : null });
const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const inWindow = (a: Appeal, { from, to }: { from: string; to: string }) => a.receivedOn >= from && a.receivedOn <= to;
const count = <T>(rows: T[], keep: (row: T) => boolean) => rows.filter(keep).length;

describe('the generated appeals', () => {
  it('come from the shared population and catalog, with realistic statuses and deadlines', () => {
    expect(ALL).toHaveLength(200);
    const counties = new Set(residenceCounties().map((c) => c.code));
    const cal = defaultCalendar();
    for (const a of ALL) {
      expect(counties.has(a.regionCode)).toBe(true);
      expect(a.deadline).toBe(cal.addWorkingDays(a.receivedOn, RESPONSE_LIMIT_DAYS[a.kind]));
      expect(a.receivedOn >= YEAR.from && a.receivedOn <= TODAY).toBe(true);
      const county = residenceCounties().find((c) => c.code === a.regionCode)!;
      const right = agencyAt(CATEGORIES[a.category].departmentKind, county)!.code;
      // only a misrouted appeal not yet returned sits with another agency of its county
      if (a.departmentCode && a.departmentCode !== right) expect(a.departmentCode.slice(2, 8)).toBe(a.regionCode);
      if (a.status === 'CLOSED') expect(a.departmentCode).toBe(right);
      if (a.returnCount > 0) expect(a.returnedBy).not.toBe(right);
      if (a.status === 'CLOSED' && a.appellantId === null) expect(a.satisfaction).toBeNull();
    }
    const named = ALL.filter((a) => a.appellantId);
    // an appeal is about the appellant's county of registration
    for (const a of named) expect(a.regionCode).toBe(a.appellantId!.slice(0, 6));
    expect(named.length / ALL.length).toBeGreaterThan(0.55);
    expect(named.length / ALL.length).toBeLessThan(0.85);
    // most appeals of a year are closed; the recent and the stuck ones are still with a department
    expect(count(ALL, (a) => a.status === 'DISPATCHED')).toBeGreaterThan(0);
    expect(count(ALL, (a) => a.status === 'CLOSED')).toBeGreaterThan(150);
    expect(count(ALL, (a) => isOverdue(a, TODAY))).toBeGreaterThan(5);
    const rated = ALL.filter((a) => a.satisfaction);
    expect(count(rated, (a) => a.satisfaction !== 'DISSATISFIED') / rated.length).toBeGreaterThan(0.7);
  });

  it('tell a digital-divide story: the west asks for social security and health by phone, eastern cities for enterprise services online', () => {
    const big = [...generateAppeals({ size: 6_000, seed: 3 }, TODAY)];
    const western = (a: Appeal) => ['51', '62'].includes(a.regionCode.slice(0, 2));
    const share = (rows: Appeal[], keep: (a: Appeal) => boolean) => count(rows, keep) / rows.length;
    const west = big.filter(western);
    const eastCities = big.filter((a) => !western(a) && a.regionCode.slice(2, 4) === '01');
    const welfare = (a: Appeal) => a.category === 'SOCIAL_SECURITY' || a.category === 'HEALTH';
    const business = (a: Appeal) => a.category === 'ENTERPRISE_SERVICES' || a.category === 'URBAN_MANAGEMENT';
    expect(share(west, welfare)).toBeGreaterThan(share(eastCities, welfare) * 1.5);
    expect(share(eastCities, business)).toBeGreaterThan(share(west, business) * 1.5);
    expect(share(west, (a) => a.kind === 'HELP_REQUEST')).toBeGreaterThan(share(eastCities, (a) => a.kind === 'HELP_REQUEST'));
    expect(share(west, (a) => a.channel === 'HOTLINE')).toBeGreaterThan(share(eastCities, (a) => a.channel === 'HOTLINE') + 0.1);
  });
});

describe('reading appeals', () => {
  const FIELDS = `id kind category text region { code } appellant { id } anonymous channel receivedAt receivedOn responseLimitDays deadline
    department { code } dispatchedOn returnCount returnedBy { code } returnReason status response respondedOn closedOn satisfaction overdue overdueWorkingDays`;
  const expected = (a: Appeal) => ({
    id: a.id,
    kind: a.kind,
    category: a.category,
    text: a.text,
    region: { code: a.regionCode },
    appellant: a.appellantId ? { id: a.appellantId } : null,
    anonymous: a.appellantId === null,
    channel: a.channel,
    receivedAt: a.receivedAt,
    receivedOn: a.receivedOn,
    responseLimitDays: a.responseLimitDays,
    deadline: a.deadline,
    department: a.departmentCode ? { code: a.departmentCode } : null,
    dispatchedOn: a.dispatchedOn,
    returnCount: a.returnCount,
    returnedBy: a.returnedBy ? { code: a.returnedBy } : null,
    returnReason: a.returnReason,
    status: a.status,
    response: a.response,
    respondedOn: a.respondedOn,
    closedOn: a.closedOn,
    satisfaction: a.satisfaction,
    overdue: isOverdue(a, TODAY),
    overdueWorkingDays: overdueWorkingDays(a, TODAY),
  });

  it('looks up an appeal with every field, and says NOT_FOUND for an unknown id', async () => {
    for (const a of [ALL.find((x) => x.status === 'CLOSED')!, ALL.find((x) => isOverdue(x, TODAY))!, ALL.find((x) => x.returnCount > 0) ?? ALL[1]!]) {
      const { data, errors } = await q(`query($id: ID!) { appeal(id: $id) { ${FIELDS} suggestedDepartment { code } } }`, { id: a.id });
      expect(errors).toBeUndefined();
      const county = residenceCounties().find((c) => c.code === a.regionCode)!;
      expect(data?.appeal).toEqual({ ...expected(a), suggestedDepartment: { code: agencyAt(CATEGORIES[a.category].departmentKind, county)!.code } });
    }
    const missing = await q('{ appeal(id: "11A2000010199999999") { id } }');
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it('pages through every appeal newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { data, errors } = await q('query($a: String) { appeals(first: 70, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }', { a: after });
      expect(errors).toBeUndefined();
      seen.push(...ids(data?.appeals.nodes));
      if (!data?.appeals.pageInfo.hasNextPage) break;
      after = data.appeals.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(ALL));
  });

  it('filters by region (any level), kind, category, status, overdue, department, appellant and dates', async () => {
    const a = ALL.find((x) => x.appellantId && x.departmentCode)!;
    const window = { from: addDays(TODAY, -120), to: addDays(TODAY, -30) };
    const cases: [string, (x: Appeal) => boolean][] = [
      [`region: "${a.regionCode}"`, (x) => x.regionCode === a.regionCode],
      [`region: "${a.regionCode.slice(0, 2)}0000"`, (x) => x.regionCode.startsWith(a.regionCode.slice(0, 2))],
      ['region: "510300"', (x) => x.regionCode.startsWith('5103')],
      ['kind: HELP_REQUEST', (x) => x.kind === 'HELP_REQUEST'],
      ['category: SOCIAL_SECURITY', (x) => x.category === 'SOCIAL_SECURITY'],
      ['status: DISPATCHED', (x) => x.status === 'DISPATCHED'],
      ['overdue: true', (x) => isOverdue(x, TODAY)],
      ['overdue: false', (x) => !isOverdue(x, TODAY)],
      [`department: "${a.departmentCode}"`, (x) => x.departmentCode === a.departmentCode],
      [`appellant: "${a.appellantId}"`, (x) => x.appellantId === a.appellantId],
      [`from: "${window.from}", to: "${window.to}"`, (x) => inWindow(x, window)],
      [
        `region: "${a.regionCode.slice(0, 2)}0000", status: CLOSED, kind: COMPLAINT`,
        (x) => x.regionCode.startsWith(a.regionCode.slice(0, 2)) && x.status === 'CLOSED' && x.kind === 'COMPLAINT',
      ],
    ];
    for (const [args, keep] of cases) {
      const { data, errors } = await q(`{ appeals(${args}, first: 100) { nodes { id } } }`);
      expect(errors, args).toBeUndefined();
      expect(ids(data?.appeals.nodes), args).toEqual(ids(ALL.filter(keep)).slice(0, 100));
    }
    expect(count(ALL, (x) => isOverdue(x, TODAY))).toBeGreaterThan(0);
  });

  it('answers bad input with coded errors naming the argument', async () => {
    const tooMany = await q('{ appeals(first: 101) { nodes { id } } }');
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    const reversed = await q('{ appeals(from: "2025-05-01", to: "2025-04-01") { nodes { id } } }');
    expect(reversed.errors?.[0]?.message).toContain('to:');
    const badRegion = await q('query($r: DivisionCode) { appeals(region: $r) { nodes { id } } }', { r: '12345' });
    expect(codeOf(badRegion)).toBe('BAD_USER_INPUT');
    const badAgency = await q('mutation($d: CreditCode!) { dispatchAppeal(id: "11A2000010100000000", departmentCode: $d) { id } }', {
      d: '11110101000000000X',
    });
    expect(codeOf(badAgency)).toBe('BAD_USER_INPUT');
  });

  it('resolves Appeal entities by id in one SQL statement, null for an unknown id', async () => {
    const some = ALL.slice(0, 5);
    dept.sql.reset();
    const { data, errors } = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Appeal { id status } } }', {
      r: [...some.map((a) => ({ __typename: 'Appeal', id: a.id })), { __typename: 'Appeal', id: '11A2000010199999999' }],
    });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([...some.map((a) => ({ id: a.id, status: a.status })), null]);
    // one SELECT, and one INSERT of the access records into the outbox
    expect(dept.sql.count).toBeLessThanOrEqual(2);
  });

  it('adds appeals to Person, newest first, at a flat SQL cost however many persons', async () => {
    const byPerson = new Map<string, string[]>();
    for (const a of ALL) if (a.appellantId) byPerson.set(a.appellantId, [...(byPerson.get(a.appellantId) ?? []), a.id]);
    const people = [...byPerson.keys()];
    const counts: number[] = [];
    for (const n of [2, 20]) {
      const list = [...people.slice(0, n - 1), personAt(SEED.seed, SEED.size + 5).id];
      dept.sql.reset();
      const { data, errors } = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id appeals { id } } } }', {
        r: list.map((id) => ({ __typename: 'Person', id })),
      });
      expect(errors).toBeUndefined();
      expect(data?._entities).toEqual(list.map((id) => ({ id, appeals: (byPerson.get(id) ?? []).map((x) => ({ id: x })) })));
      counts.push(dept.sql.count);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('costs the same SQL for 5 appeals with their appellants’ appeals as for 50', async () => {
    const counts: number[] = [];
    for (const n of [5, 50]) {
      dept.sql.reset();
      const { data, errors } = await q(`{ appeals(first: ${n}) { nodes { id overdue appellant { appeals { id } } } } }`);
      expect(errors).toBeUndefined();
      expect(data?.appeals.nodes).toHaveLength(n);
      counts.push(dept.sql.count);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

/** Expected demand of a division from the generated appeals. */
function demandOf(division: string, window: { from: string; to: string }) {
  const rows = ALL.filter((a) => contains(division, a.regionCode) && inWindow(a, window));
  const byCategory = CATEGORY_LIST.map((category) => ({ category, count: count(rows, (a) => a.category === category) })).sort((a, b) => b.count - a.count);
  return {
    received: rows.length,
    byKind: KINDS.map((kind) => ({ kind, count: count(rows, (a) => a.kind === kind) })),
    byCategory: byCategory.map((c, i) => ({ rank: i + 1, ...c })),
    byChannel: CHANNELS.map((channel) => ({ channel, count: count(rows, (a) => a.channel === channel) })),
  };
}

function unmetOf(division: string, window: { from: string; to: string }) {
  const rows = ALL.filter((a) => contains(division, a.regionCode) && inWindow(a, window));
  return CATEGORY_LIST.map((category) => {
    const of = rows.filter((a) => a.category === category);
    const c = {
      complaints: count(of, (a) => a.kind === 'COMPLAINT'),
      helpRequests: count(of, (a) => a.kind === 'HELP_REQUEST'),
      unresolved: count(of, (a) => ['RECEIVED', 'DISPATCHED', 'RETURNED'].includes(a.status)),
      overdue: count(of, (a) => isOverdue(a, TODAY)),
      dissatisfied: count(of, (a) => a.satisfaction === 'DISSATISFIED'),
    };
    return { category, received: of.length, ...c, score: unmetScore(c) };
  })
    .filter((u) => u.score > 0)
    .sort((a, b) => b.score - a.score || b.received - a.received)
    .map((u, i) => ({ rank: i + 1, ...u }));
}

describe('demand figures', () => {
  const DEMAND = 'received byKind { kind count } byCategory { rank category count } byChannel { channel count }';
  const UNMET = 'rank category received complaints helpRequests unresolved overdue dissatisfied score';

  it('count demand by kind, ranked category and channel, for the country, a province, a prefecture and a county', async () => {
    const county = ALL[0]!.regionCode;
    const window = { from: addDays(TODAY, -180), to: TODAY };
    const { data, errors } = await q(
      `query($c: DivisionCode!, $f: Date!, $t: Date!) {
        country: demand(from: $f, to: $t) { region { code } ${DEMAND} }
        province: demand(region: "510000", from: $f, to: $t) { region { code } ${DEMAND} }
        prefecture: demand(region: "510300", from: $f, to: $t) { ${DEMAND} }
        county: demand(region: $c, from: $f, to: $t) { ${DEMAND} }
      }`,
      { c: county, f: window.from, t: window.to },
    );
    expect(errors).toBeUndefined();
    expect(data?.country).toEqual({ region: null, ...demandOf('*', window) });
    expect(data?.province).toEqual({ region: { code: '510000' }, ...demandOf('510000', window) });
    expect(data?.prefecture).toEqual(demandOf('510300', window));
    expect(data?.county).toEqual(demandOf(county, window));
    expect(data?.country.received).toBe(count(ALL, (a) => inWindow(a, window)));
  });

  it('trace demand per month and per week, every period listed, optionally for one category', async () => {
    const window = { from: addDays(TODAY, -100), to: TODAY };
    const { data, errors } = await q(
      `query($f: Date!, $t: Date!) {
        months: demandTrend(region: "330000", from: $f, to: $t) { start end received byKind { kind count } }
        weeks: demandTrend(from: $f, to: $t, interval: WEEK, category: URBAN_MANAGEMENT) { start end received }
      }`,
      { f: window.from, t: window.to },
    );
    expect(errors).toBeUndefined();
    const inZhejiang = ALL.filter((a) => contains('330000', a.regionCode));
    expect(data?.months).toEqual(
      periods(window.from, window.to, 'MONTH').map(({ start, end }) => {
        const rows = inZhejiang.filter((a) => inWindow(a, { from: start, to: end }));
        return { start, end, received: rows.length, byKind: KINDS.map((kind) => ({ kind, count: count(rows, (a) => a.kind === kind) })) };
      }),
    );
    const weeks = data?.weeks as { start: string; end: string; received: number }[];
    expect(weeks[0]!.start).toBe(window.from);
    expect(weeks.at(-1)!.end).toBe(window.to);
    for (const w of weeks) expect(w.received).toBe(count(ALL, (a) => a.category === 'URBAN_MANAGEMENT' && inWindow(a, { from: w.start, to: w.end })));
    expect(weeks.reduce((s, w) => s + w.received, 0)).toBe(count(ALL, (a) => a.category === 'URBAN_MANAGEMENT' && inWindow(a, window)));
  });

  it('rank unmet demand by a score whose components are returned, for the country and a region', async () => {
    const { data, errors } = await q(
      `query($f: Date!, $t: Date!) {
        country: unmetDemand(from: $f, to: $t, first: 11) { ${UNMET} departmentKind name }
        top: unmetDemand(region: "620000", from: $f, to: $t) { ${UNMET} }
      }`,
      { f: YEAR.from, t: YEAR.to },
    );
    expect(errors).toBeUndefined();
    const country = unmetOf('*', YEAR);
    expect(data?.country).toEqual(country.map((u) => ({ ...u, departmentKind: CATEGORIES[u.category].departmentKind, name: CATEGORIES[u.category].name })));
    expect(data?.top).toEqual(unmetOf('620000', YEAR).slice(0, 5));
    for (const u of data!.country) expect(u.score).toBe(u.complaints + u.helpRequests + 2 * u.unresolved + 2 * u.overdue + 3 * u.dissatisfied);
  });

  it('refuse a reversed window, one longer than three years, and first outside 1..11', async () => {
    const reversed = await q('{ demand(from: "2025-05-01", to: "2025-04-01") { received } }', {}, SUPERVISOR);
    expect(codeOf(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.errors?.[0]?.message).toContain('to:');
    const long = await q('{ demandTrend(from: "2020-01-01", to: "2023-01-02") { received } }', {}, SUPERVISOR);
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    const threeYears = await q('{ demandTrend(from: "2020-01-01", to: "2023-01-01") { received } }', {}, SUPERVISOR);
    expect(threeYears.errors).toBeUndefined();
    const first = await q('{ unmetDemand(from: "2025-01-01", to: "2025-02-01", first: 0) { rank } }', {}, SUPERVISOR);
    expect(codeOf(first)).toBe('BAD_USER_INPUT');
  });

  it('resolve Region entities with their figures: one GROUP BY per figure and window, at 2 regions as at 12', async () => {
    const codes = servedDivisions().map((d) => d.code);
    const counts: number[] = [];
    for (const n of [2, 12]) {
      const regions = codes.slice(0, n);
      dept.sql.reset();
      const { data, errors } = await q(
        `query($r: [_Any!]!, $f: Date!, $t: Date!) { _entities(representations: $r) { ... on Region { code
          demand(from: $f, to: $t) { received } demandTrend(from: $f, to: $t) { received } unmetDemand(from: $f, to: $t) { category } } } }`,
        { r: regions.map((code) => ({ __typename: 'Region', code })), f: YEAR.from, t: YEAR.to },
        SUPERVISOR,
      );
      expect(errors).toBeUndefined();
      expect(data?._entities.map((r: { demand: { received: number } }) => r.demand.received)).toEqual(regions.map((code) => demandOf(code, YEAR).received));
      counts.push(dept.sql.count);
    }
    expect(counts).toEqual([3, 3]);
  });

  it('give each agency its appeal figures, one GROUP BY for 2 agencies as for 10', async () => {
    const byDepartment = new Map<string, Appeal[]>();
    for (const a of ALL) if (a.departmentCode) byDepartment.set(a.departmentCode, [...(byDepartment.get(a.departmentCode) ?? []), a]);
    const codes = [...byDepartment.keys()];
    const counts: number[] = [];
    for (const n of [2, 10]) {
      const list = [...codes.slice(0, n - 1), makeCreditCode('1', '1', '110101', '99999999')];
      dept.sql.reset();
      const { data, errors } = await q(
        `query($r: [_Any!]!, $f: Date!, $t: Date!) { _entities(representations: $r) { ... on Department { code appealFigures(from: $f, to: $t) {
          received open overdue responded respondedOnTime onTimeRate closed satisfied basicallySatisfied dissatisfied satisfactionRate } } } }`,
        { r: list.map((code) => ({ __typename: 'Department', code })), f: YEAR.from, t: YEAR.to },
        SUPERVISOR,
      );
      expect(errors).toBeUndefined();
      expect(data?._entities).toEqual(
        list.map((code) => {
          const rows = byDepartment.get(code) ?? [];
          const responded = count(rows, (a) => a.respondedOn !== null);
          const onTime = count(rows, (a) => a.respondedOn !== null && a.respondedOn <= a.deadline);
          const [s, b, d] = (['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const).map((x) => count(rows, (a) => a.satisfaction === x)) as [
            number,
            number,
            number,
          ];
          return {
            code,
            appealFigures: {
              received: rows.length,
              open: count(rows, (a) => ['RECEIVED', 'DISPATCHED', 'RETURNED'].includes(a.status)),
              overdue: count(rows, (a) => isOverdue(a, TODAY)),
              responded,
              respondedOnTime: onTime,
              onTimeRate: responded ? onTime / responded : null,
              closed: count(rows, (a) => a.status === 'CLOSED'),
              satisfied: s,
              basicallySatisfied: b,
              dissatisfied: d,
              satisfactionRate: s + b + d ? (s + b) / (s + b + d) : null,
            },
          };
        }),
      );
      counts.push(dept.sql.count);
    }
    expect(counts).toEqual([1, 1]);
  });
});

describe('access to appeals', () => {
  const own = ALL.find((a) => a.appellantId)!;
  const other = ALL.find((a) => a.appellantId && a.appellantId !== own.appellantId)!;
  const anonymous = ALL.find((a) => a.appellantId === null)!;
  const me = citizen(own.appellantId!);

  it('lets a citizen read their own appeals, through a root field and _entities, and nobody else’s', async () => {
    const mine = await q('query($id: ID!) { appeal(id: $id) { id text } }', { id: own.id }, me);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.appeal).toEqual({ id: own.id, text: own.text });
    const theirs = await q('query($id: ID!) { appeal(id: $id) { id text } }', { id: other.id }, me);
    expect(codeOf(theirs)).toBe('FORBIDDEN');
    const nobodys = await q('query($id: ID!) { appeal(id: $id) { id } }', { id: anonymous.id }, me);
    expect(codeOf(nobodys)).toBe('FORBIDDEN');
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Appeal { id kind } } }';
    expect((await q(entities, { r: [{ __typename: 'Appeal', id: own.id }] }, me)).data?._entities).toEqual([{ id: own.id, kind: own.kind }]);
    expect(codeOf(await q(entities, { r: [{ __typename: 'Appeal', id: other.id }] }, me))).toBe('FORBIDDEN');
    const person = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { appeals { id } } } }';
    expect(codeOf(await q(person, { r: [{ __typename: 'Person', id: other.appellantId }] }, me))).toBe('FORBIDDEN');
  });

  it('lists only the citizen’s own appeals, and refuses to list someone else’s', async () => {
    const list = await q('{ appeals(first: 100) { nodes { id } } }', {}, me);
    expect(list.errors).toBeUndefined();
    expect(ids(list.data?.appeals.nodes)).toEqual(ids(ALL.filter((a) => a.appellantId === own.appellantId)));
    const named = await q(`{ appeals(appellant: "${other.appellantId}") { nodes { id } } }`, {}, me);
    expect(codeOf(named)).toBe('FORBIDDEN');
  });

  it('gives supervisors and the public figures, never appeals; officers need appeals:read and a purpose', async () => {
    expect(codeOf(await q('{ appeals { nodes { id } } }', {}, SUPERVISOR))).toBe('FORBIDDEN');
    expect(codeOf(await q(`{ appeal(id: "${anonymous.id}") { text } }`, {}, SUPERVISOR))).toBe('FORBIDDEN');
    const anon = await dept.query(`{ demand(from: "${YEAR.from}", to: "${YEAR.to}") { received } }`);
    expect(anon.data?.demand.received).toBe(ALL.length);
    const noDuty = await q(`{ appeal(id: "${anonymous.id}") { id } }`, {}, { ...READER, scopes: ['cases:read'] });
    expect(codeOf(noDuty)).toBe('FORBIDDEN');
    const noPurpose = await dept.query(`{ appeal(id: "${anonymous.id}") { text } }`, {}, { caller: READER });
    expect(codeOf(noPurpose)).toBe('FORBIDDEN');
  });
});

describe('handling appeals', () => {
  const HANDLED =
    'id status department { code } returnedBy { code } returnCount returnReason response respondedOn closedOn satisfaction deadline appellant { id }';
  const REGISTER = `mutation($input: RegisterAppealInput!, $key: String) { registerAppeal(input: $input, idempotencyKey: $key) { ${HANDLED} receivedOn kind } }`;
  const DISPATCH = `mutation($id: ID!, $d: CreditCode!, $key: String) { dispatchAppeal(id: $id, departmentCode: $d, idempotencyKey: $key) { ${HANDLED} } }`;
  const RETURN = `mutation($id: ID!, $r: String!) { returnAppeal(id: $id, reason: $r) { ${HANDLED} } }`;
  const RESPOND = `mutation($id: ID!, $r: String!) { respondToAppeal(id: $id, response: $r) { ${HANDLED} } }`;
  const CLOSE = `mutation($id: ID!, $s: AppealSatisfaction) { closeAppeal(id: $id, satisfaction: $s) { ${HANDLED} } }`;
  const READ = `query($id: ID!) { appeal(id: $id) { ${HANDLED} } }`;
  const county = residenceCounties()[20]!;
  const health = agencyAt('HEALTH', county)!.code;
  const wrong = agencyAt('EDUCATION', county)!.code;
  const resident = personAt(SEED.seed, 31);
  const input = { kind: 'HELP_REQUEST', category: 'HEALTH', text: '  母亲异地就医备案不会在网上办理，请求帮助。 ', region: county.code, channel: 'HOTLINE' };
  const today = todayInChina();

  it('walks an appeal through dispatch, return, re-dispatch, response and closure', async () => {
    const registered = await q(REGISTER, { input: { ...input, appellant: resident.id } });
    expect(registered.errors).toBeUndefined();
    const appeal = registered.data?.registerAppeal;
    expect(appeal).toMatchObject({ status: 'RECEIVED', department: null, receivedOn: today, kind: 'HELP_REQUEST', appellant: { id: resident.id } });
    expect(appeal.id).toMatch(new RegExp(`^${county.code.slice(0, 2)}A${today.replaceAll('-', '')}\\d{8}$`));
    expect(appeal.deadline).toBe(defaultCalendar().addWorkingDays(today, 3));

    const dispatched = await q(DISPATCH, { id: appeal.id, d: wrong });
    expect(dispatched.data?.dispatchAppeal).toMatchObject({ status: 'DISPATCHED', department: { code: wrong } });
    const returned = await q(RETURN, { id: appeal.id, r: '不属于本单位职责，请转卫生健康部门' });
    expect(returned.data?.returnAppeal).toMatchObject({ status: 'RETURNED', department: null, returnedBy: { code: wrong }, returnCount: 1 });
    const back = await q(DISPATCH, { id: appeal.id, d: wrong });
    expect(codeOf(back)).toBe('BAD_USER_INPUT');
    const redispatched = await q(DISPATCH, { id: appeal.id, d: health });
    expect(redispatched.data?.dispatchAppeal).toMatchObject({ status: 'DISPATCHED', department: { code: health }, returnCount: 1 });
    const responded = await q(RESPOND, { id: appeal.id, r: '已联系诉求人，协助完成异地就医备案。' });
    expect(responded.data?.respondToAppeal).toMatchObject({ status: 'RESPONDED', respondedOn: today });
    const closed = await q(CLOSE, { id: appeal.id, s: 'SATISFIED' });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeAppeal).toMatchObject({ status: 'CLOSED', closedOn: today, satisfaction: 'SATISFIED', department: { code: health } });
    expect((await q(READ, { id: appeal.id })).data?.appeal).toEqual(closed.data?.closeAppeal);

    const figures = await q(`{ demand(region: "${county.code}", from: "${today}", to: "${today}") { byCategory { category count } } }`);
    expect(figures.data?.demand.byCategory.find((c: { category: string }) => c.category === 'HEALTH').count).toBe(
      count(ALL, (a) => a.regionCode === county.code && a.receivedOn === today && a.category === 'HEALTH') + 1,
    );
  });

  it('refuses steps that do not apply, saying what does, and changes nothing', async () => {
    const appeal = (await q(REGISTER, { input })).data?.registerAppeal;
    expect(appeal).toMatchObject({ status: 'RECEIVED', appellant: null });
    const before = (await q(READ, { id: appeal.id })).data?.appeal;
    for (const [mutation, variables] of [
      [RESPOND, { id: appeal.id, r: '答复' }],
      [RETURN, { id: appeal.id, r: '不属于本单位' }],
      [CLOSE, { id: appeal.id, s: null }],
    ] as const) {
      const refused = await q(mutation, variables);
      expect(codeOf(refused)).toBe('ILLEGAL_TRANSITION');
      expect(refused.errors?.[0]?.message).toContain('what applies now is dispatchAppeal');
    }
    const closed = ALL.find((a) => a.status === 'CLOSED')!;
    const again = await q(DISPATCH, { id: closed.id, d: health });
    expect(codeOf(again)).toBe('ILLEGAL_TRANSITION');
    expect(again.errors?.[0]?.message).toContain('nothing more applies');
    expect((await q(READ, { id: appeal.id })).data?.appeal).toEqual(before);
    expect((await q(READ, { id: closed.id })).data?.appeal.status).toBe('CLOSED');

    await q(DISPATCH, { id: appeal.id, d: health });
    await q(RESPOND, { id: appeal.id, r: '已答复' });
    const rated = await q(CLOSE, { id: appeal.id, s: 'DISSATISFIED' });
    expect(codeOf(rated)).toBe('BAD_USER_INPUT');
    expect((await q(READ, { id: appeal.id })).data?.appeal.status).toBe('RESPONDED');
    expect(codeOf(await q(DISPATCH, { id: '11A2000010199999999', d: health }))).toBe('NOT_FOUND');
    expect(codeOf(await q(DISPATCH, { id: appeal.id, d: makeCreditCode('9', '1', county.code, '12345678') }))).toBe('BAD_USER_INPUT');
  });

  it('does a repeated request once: same key, same result; same key, other arguments, CONFLICT', async () => {
    const key = 'register-7f3a';
    const first = await q(REGISTER, { input, key });
    const repeat = await q(REGISTER, { input, key });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data?.registerAppeal.id).toBe(first.data?.registerAppeal.id);
    const conflict = await q(REGISTER, { input: { ...input, kind: 'COMPLAINT' }, key });
    expect(codeOf(conflict)).toBe('CONFLICT');
    const registeredToday = await q(`{ appeals(from: "${today}", region: "${county.code}", first: 100) { nodes { id } } }`);
    expect(ids(registeredToday.data?.appeals.nodes).filter((id: string) => id === first.data?.registerAppeal.id)).toHaveLength(1);
    // another caller's key is another request
    const other = await q(REGISTER, { input, key }, { ...OFFICER, subject: 'officer-9' });
    expect(other.data?.registerAppeal.id).not.toBe(first.data?.registerAppeal.id);

    const id = first.data?.registerAppeal.id;
    const dispatched = await q(DISPATCH, { id, d: health, key: 'dispatch-1' });
    expect(dispatched.data?.dispatchAppeal.status).toBe('DISPATCHED');
    const replay = await q(DISPATCH, { id, d: health, key: 'dispatch-1' });
    expect(replay.errors).toBeUndefined();
    expect(replay.data?.dispatchAppeal).toEqual(dispatched.data?.dispatchAppeal);
    expect(codeOf(await q(DISPATCH, { id, d: wrong, key: 'dispatch-1' }))).toBe('CONFLICT');
    expect(codeOf(await q(DISPATCH, { id, d: health }))).toBe('ILLEGAL_TRANSITION');
  });

  it('lets citizens register only for themselves, and only handlers take handling steps', async () => {
    const self = await q(REGISTER, { input }, citizen(resident.id));
    expect(self.errors).toBeUndefined();
    expect(self.data?.registerAppeal.appellant).toEqual({ id: resident.id });
    const forOther = await q(REGISTER, { input: { ...input, appellant: personAt(SEED.seed, 32).id } }, citizen(resident.id));
    expect(codeOf(forOther)).toBe('FORBIDDEN');
    expect(codeOf(await q(DISPATCH, { id: self.data?.registerAppeal.id, d: health }, citizen(resident.id)))).toBe('FORBIDDEN');
    expect(codeOf(await q(DISPATCH, { id: self.data?.registerAppeal.id, d: health }, READER))).toBe('FORBIDDEN');
    expect(codeOf(await dept.query(REGISTER, { input }))).toBe('FORBIDDEN');
    const blank = await q(REGISTER, { input: { ...input, text: '   ' } });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.message).toContain('input.text');
  });
});

describe('appeal ids carry the province of the appeal region (a router reads it from the first two characters)', () => {
  const REGISTER = 'mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id region { code } } }';
  const base = { kind: 'COMPLAINT', category: 'HEALTH', text: '社区卫生服务中心周末不开门。', channel: 'HOTLINE' };
  const today = todayInChina().replaceAll('-', '');

  it('gives every sample appeal the province of its region', () => {
    for (const a of ALL) expect(a.id).toMatch(new RegExp(`^${a.regionCode.slice(0, 2)}A\\d{16}$`));
  });

  it('numbers registered appeals per province and day: the first of a province the sample never serves is serial 0', async () => {
    // 120101 (Tianjin) and 460105 (Hainan): no sample appeal, so each province's day starts at 0
    const tianjin = await q(REGISTER, { input: { ...base, region: '120101' } });
    expect(tianjin.errors).toBeUndefined();
    expect(tianjin.data?.registerAppeal).toEqual({ id: `12A${today}00000000`, region: { code: '120101' } });
    expect((await q(REGISTER, { input: { ...base, region: '120102' } })).data?.registerAppeal.id).toBe(`12A${today}00000001`);
    expect((await q(REGISTER, { input: { ...base, region: '460105' } })).data?.registerAppeal.id).toBe(`46A${today}00000000`);
  });

  it('refuses a well-formed region in no province of GB/T 2260 (16, 24, 80) as BAD_USER_INPUT naming input.region, and stores nothing', async () => {
    const before = (await q('{ appeals(first: 100) { nodes { id } } }')).data?.appeals.nodes;
    for (const region of ['160000', '240101', '800000']) {
      const refused = await q(REGISTER, { input: { ...base, region } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.region' });
      expect(refused.data?.registerAppeal ?? null).toBeNull();
    }
    expect((await q('{ appeals(first: 100) { nodes { id } } }')).data?.appeals.nodes).toEqual(before);
  });

  it('answers ids without a known province NOT_FOUND (by key: null), never INTERNAL, and changes nothing', async () => {
    const a = ALL[0]!;
    const before = (await q('query($id: ID!) { appeal(id: $id) { status department { code } } }', { id: a.id })).data?.appeal;
    const malformed = ['', 'XX', `XX${a.id.slice(2)}`, `99${a.id.slice(2)}`, `16${a.id.slice(2)}`, a.id.slice(2)];
    const agency = agencyAt('HEALTH', residenceCounties()[0]!)!.code;
    for (const id of malformed) {
      expect(codeOf(await q('query($id: ID!) { appeal(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
      expect(codeOf(await q('mutation($id: ID!, $d: CreditCode!) { dispatchAppeal(id: $id, departmentCode: $d) { id } }', { id, d: agency }))).toBe(
        'NOT_FOUND',
      );
    }
    const byKey = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Appeal { id } } }', {
      r: malformed.map((id) => ({ __typename: 'Appeal', id })),
    });
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data?._entities).toEqual(malformed.map(() => null));
    expect((await q('query($id: ID!) { appeal(id: $id) { status department { code } } }', { id: a.id })).data?.appeal).toEqual(before);
  });
});
