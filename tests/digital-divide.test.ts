import { readFileSync } from 'node:fs';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressedCells } from '../platform/suppression.js';
import { economicRegion, residenceType } from '../reference/divide.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { post } from '../platform/testing.js';
import { eventsByCase, tripsInPerson, type EventRow } from './helpers/case-rows.js';

/**
 * Digital-divide figures (issue #17 items 2, 4, 5) equal an independent computation over the cases
 * department's own rows, suppression included, at a county, a prefecture, provinces and the country,
 * on one instance and with Beijing and Guangdong on their own (suppressed after combining). The
 * computation reads the tables and follows the schema's descriptions: the age from the identity
 * number's birth date on the submission day, the division's kind and region from reference/divide.ts
 * (unit-tested there), trips in person from the timeline. Then it attacks the suppression.
 */
const SEED = { size: 300, seed: 7 };
const WINDOW = { from: '2024-01-01', to: '2026-12-31' };
const DIVIDE = readFileSync(new URL('./operations/DigitalDivide.graphql', import.meta.url), 'utf8');
const BREAKDOWNS = {
  byAgeBand: ['UNDER_30', 'FROM_30_TO_59', 'SIXTY_AND_OVER'],
  byResidence: ['URBAN_DISTRICT', 'COUNTY', 'ABOVE_COUNTY'],
  byEconomicRegion: ['EAST', 'CENTRE', 'WEST', 'NORTHEAST'],
} as const;
type Breakdown = keyof typeof BREAKDOWNS;
const MEASURES = {
  ONLINE_SHARE: 'onlineShare',
  FULLY_ONLINE_SHARE: 'fullyOnlineShare',
  AGENT_ASSISTED_SHARE: 'agentAssistedShare',
  VISITS_PER_CASE: 'visitsPerCase',
  ON_TIME_RATE: 'onTimeRate',
  AVERAGE_WORKING_DAYS: 'averageWorkingDays',
} as const;

interface CaseRow {
  id: string;
  applicant_kind: string;
  applicant_id: string;
  agent_id: string | null;
  region_code: string;
  channel: string;
  submitted_on: string;
  handling_days: number | string | null;
  overdue_days: number | string | null;
}
interface Rows {
  cases: CaseRow[];
  visits: Map<string, number>;
}
type Group = Record<string, unknown> & { group: string; suppressed: boolean; applicants: number | null; cases: number | null };

let plain: TestPlatform;
let split: TestPlatform;

const databasesOf = (platform: TestPlatform): SqlEntityManager[] =>
  platform.partitioned.cases
    ? platform.partitioned.cases.instances.map((i) => i.orm.em.fork() as SqlEntityManager)
    : [platform.departments.cases!.orm.em.fork() as SqlEntityManager];

async function rowsOf(platform: TestPlatform): Promise<Rows> {
  const rows: Rows = { cases: [], visits: new Map() };
  for (const em of databasesOf(platform)) {
    rows.cases.push(
      ...(await em.execute<CaseRow[]>(
        'select id, applicant_kind, applicant_id, agent_id, region_code, channel, submitted_on, handling_days, overdue_days from cases',
      )),
    );
    const events = await em.execute<EventRow[]>('select case_id, seq, status, channel from case_event order by case_id, seq');
    for (const [id, mine] of eventsByCase(events)) rows.visits.set(id, (rows.visits.get(id) ?? 0) + tripsInPerson(mine));
  }
  return rows;
}

/** The age on the submission day, from the birth date in digits 7-14 of the identity number. */
function ageBandOf(c: CaseRow): string | null {
  if (c.applicant_kind !== 'PERSON') return null;
  const birth = c.applicant_id.slice(6, 14);
  const on = c.submitted_on.replaceAll('-', '');
  const age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(4) < birth.slice(4) ? 1 : 0);
  return age < 30 ? 'UNDER_30' : age < 60 ? 'FROM_30_TO_59' : 'SIXTY_AND_OVER';
}
const GROUP_OF: Record<Breakdown, (c: CaseRow) => string | null> = {
  byAgeBand: ageBandOf,
  byResidence: (c) => residenceType(c.region_code),
  byEconomicRegion: (c) => economicRegion(c.region_code),
};

const within = (code: string, region: string) =>
  code === '000000' ||
  (code.endsWith('0000') ? region.startsWith(code.slice(0, 2)) : code.endsWith('00') ? region.startsWith(code.slice(0, 4)) : region === code);

/** Every group of a breakdown, unsuppressed, with the counts behind its shares. */
function truth(rows: Rows, code: string, breakdown: Breakdown) {
  const cases = rows.cases.filter((c) => within(code, c.region_code) && c.submitted_on >= WINDOW.from && c.submitted_on <= WINDOW.to);
  return BREAKDOWNS[breakdown].map((group) => {
    const mine = cases.filter((c) => GROUP_OF[breakdown](c) === group);
    const count = (test: (c: CaseRow) => boolean) => mine.filter(test).length;
    const decided = mine.filter((c) => c.handling_days !== null);
    const n = mine.length;
    const per = (part: number, whole: number) => (whole ? part / whole : null);
    const visits = mine.reduce((s, c) => s + rows.visits.get(c.id)!, 0);
    const agentAssisted = count((c) => c.agent_id !== null);
    return {
      group,
      // people: distinct applicants, once per province of handling
      applicants: new Set(mine.map((c) => `${c.region_code.slice(0, 2)} ${c.applicant_id}`)).size,
      cases: n,
      agentAssisted,
      onlineShare: per(
        count((c) => c.channel === 'WEB_PORTAL' || c.channel === 'MOBILE_APP'),
        n,
      ),
      fullyOnlineShare: per(
        count((c) => rows.visits.get(c.id) === 0),
        n,
      ),
      agentAssistedShare: per(agentAssisted, n),
      visitsPerCase: per(visits, n),
      onTimeRate: per(decided.filter((c) => Number(c.overdue_days) === 0).length, decided.length),
      averageWorkingDays: per(
        decided.reduce((s, c) => s + Number(c.handling_days), 0),
        decided.length,
      ),
    };
  });
}

/** What Region.digitalDivide should publish: groups under 10 people, and a complement, suppressed; gaps over the rest. */
function expected(rows: Rows, code: string) {
  return Object.fromEntries(
    (Object.keys(BREAKDOWNS) as Breakdown[]).map((breakdown) => {
      const all = truth(rows, code, breakdown);
      const flags = suppressedCells(all.map((g) => g.applicants));
      const groups: Record<string, unknown>[] = all.map(({ agentAssisted: _, ...g }, i) =>
        flags[i] ? { ...Object.fromEntries(Object.keys(g).map((k) => [k, null])), group: g.group, suppressed: true } : { ...g, suppressed: false },
      );
      const gaps = Object.entries(MEASURES).map(([measure, field]) => {
        const values = groups.filter((g) => typeof g[field] === 'number');
        if (values.length < 2) return { measure, highest: null, highestValue: null, lowest: null, lowestValue: null, difference: null };
        let [high, low] = [values[0]!, values[0]!];
        for (const g of values) {
          if ((g[field] as number) > (high[field] as number)) high = g;
          if ((g[field] as number) < (low[field] as number)) low = g;
        }
        const [h, l] = [high[field] as number, low[field] as number];
        return { measure, highest: high.group, highestValue: h, lowest: low.group, lowestValue: l, difference: h - l };
      });
      return [breakdown, { groups, gaps }];
    }),
  );
}

const divide = async (platform: TestPlatform, code: string, headers: Record<string, string> = {}) => {
  const res = await platform.query(DIVIDE, { ...WINDOW, code }, headers);
  expect(res.errors, code).toBeUndefined();
  return res.data!.region.digitalDivide as Record<Breakdown, { groups: Group[]; gaps: Record<string, unknown>[] }>;
};

beforeAll(async () => {
  [plain, split] = await Promise.all([startPlatform({}, { seed: SEED }), startPlatform({}, { seed: SEED, partitioned: { cases: ['11', '44'] } })]);
}, 240_000);
afterAll(() => Promise.all([plain?.close(), split?.close()]));

/** Guangdong's county with the most cases: a county whose groups are small. */
async function busiestCounty(): Promise<string> {
  const counts = new Map<string, number>();
  for (const c of (await rowsOf(plain)).cases)
    if (c.region_code.startsWith('44') && !c.region_code.endsWith('00')) counts.set(c.region_code, (counts.get(c.region_code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

describe('digital-divide figures equal an independent computation over the seeded cases', () => {
  it('has published and suppressed groups, and groups that differ, in the sample', async () => {
    const rows = await rowsOf(plain);
    const country = expected(rows, '000000');
    const groups = Object.values(country).flatMap((b) => b.groups);
    expect(groups.filter((g) => g.suppressed).length).toBeGreaterThan(0);
    expect(groups.filter((g) => !g.suppressed && (g.applicants as number) >= 10).length).toBeGreaterThan(2);
    expect(country.byAgeBand!.gaps.every((g) => g.difference !== null && g.difference > 0)).toBe(true);
    // a group of at least 10 people in the country whose every province has fewer: suppression must follow the combination
    const provinces = ['110000', '310000', '330000', '440000', '510000', '620000'].map((p) => expected(rows, p));
    const nationalOnly = (Object.keys(BREAKDOWNS) as Breakdown[]).some((b) =>
      country[b]!.groups.some((g, i) => !g.suppressed && (g.applicants as number) > 0 && provinces.every((p) => p[b]!.groups[i]!.suppressed)),
    );
    expect(nationalOnly).toBe(true);
  });

  it.each([
    ['the country', '000000'],
    ['a province with its own instance', '440000'],
    ['a province on the national instance', '330000'],
    ['a western province', '620000'],
    ['a prefecture', '440100'],
  ])('%s (%s), on one instance and across provinces', async (_, code) => {
    for (const platform of [plain, split]) expect(await divide(platform, code)).toEqual(expected(await rowsOf(platform), code));
  });

  it('a county, on one instance and across provinces', async () => {
    const county = await busiestCounty();
    for (const platform of [plain, split]) expect(await divide(platform, county)).toEqual(expected(await rowsOf(platform), county));
  });

  it('reads each breakdown in one statement, only when it is selected', async () => {
    const statements = async (selection: string) => {
      plain.resetSql();
      const res = await plain.query(
        `query($from: Date!, $to: Date!) { region(code: "440000") { digitalDivide(from: $from, to: $to) { ${selection} } } }`,
        WINDOW,
      );
      expect(res.errors).toBeUndefined();
      return plain.sqlCount();
    };
    const none = await statements('__typename');
    expect(await statements('byAgeBand { groups { group cases } }')).toBe(none + 1);
    expect(await statements('byAgeBand { gaps { measure } } byResidence { groups { applicants } } byEconomicRegion { groups { group } }')).toBe(none + 3);
  });

  it('answers every province side by side in one request (one branch each), each as it answers alone', async () => {
    const query = `query($from: Date!, $to: Date!) { regions(level: PROVINCE, first: 40) { nodes { code digitalDivide(from: $from, to: $to) {
      byResidence { groups { group suppressed applicants cases } } } } } }`;
    for (const platform of [plain, split]) {
      const res = await platform.query(query, WINDOW);
      expect(res.errors).toBeUndefined();
      const rows = await rowsOf(platform);
      const nodes = res.data!.regions.nodes as { code: string; digitalDivide: { byResidence: { groups: Group[] } } }[];
      expect(nodes.length).toBeGreaterThan(30);
      for (const { code, digitalDivide } of nodes) {
        const want = (expected(rows, code).byResidence!.groups as Group[]).map(({ group, suppressed, applicants, cases }) => ({
          group,
          suppressed,
          applicants,
          cases,
        }));
        expect(digitalDivide.byResidence.groups, code).toEqual(want);
      }
    }
  });
});

describe('suppression cannot be undone from what is published', () => {
  const FIGURES = `query($code: DivisionCode!, $from: Date!, $to: Date!) { region(code: $code) { caseFigures(from: $from, to: $to) {
    total agentAssisted online fullyOnline inPersonVisits byChannel { channel count } } } }`;

  it('subtracting the published groups from every published total gives back no suppressed group', async () => {
    const rows = await rowsOf(plain);
    const codes = ['000000', '110000', '310000', '330000', '440000', '510000', '620000', '440100', '330100', await busiestCounty()];
    let attacked = 0;
    let complemented = 0;
    for (const code of codes) {
      const published = await divide(split, code);
      const totals = (await split.query(FIGURES, { ...WINDOW, code })).data!.region.caseFigures;
      const channels = (totals.byChannel as { count: number }[]).reduce((s, c) => s + c.count, 0);
      for (const breakdown of Object.keys(BREAKDOWNS) as Breakdown[]) {
        const real = truth(rows, code, breakdown);
        const groups = published[breakdown].groups;
        const hidden = real.filter((g, i) => groups[i]!.suppressed && g.applicants > 0);
        const hiddenAll = real.filter((_, i) => groups[i]!.suppressed);
        if (hidden.length === 0) continue;
        attacked++;
        if (real.filter((g) => g.applicants > 0 && g.applicants < 10).length === 1) complemented++;
        const visible = groups.filter((g) => !g.suppressed);
        const sum = (pick: (g: Group) => number) => visible.reduce((s, g) => s + pick(g), 0);
        // a lone group with cases is the whole division (a county is one kind, in one region): its cases are
        // caseFigures.total, published for every division; what the divide adds, its people, stays hidden below
        const lone = real.filter((g) => g.cases > 0).length === 1;
        // every case is in one residence and one economic region group; persons' cases in one age band
        for (const whole of lone ? [] : [totals.total, channels]) {
          const left = whole - sum((g) => g.cases!);
          for (const g of hidden) expect(left, `${code} ${breakdown} ${g.group} cases`).not.toBe(g.cases);
        }
        const assisted = totals.agentAssisted - sum((g) => Math.round((g.agentAssistedShare as number) * g.cases!));
        expect(assisted, `${code} ${breakdown}: only the hidden groups' sum`).toBe(
          hiddenAll.reduce((s, g) => s + g.agentAssisted, 0) +
            (breakdown === 'byAgeBand' ? rows.cases.filter((c) => within(code, c.region_code) && c.applicant_kind !== 'PERSON' && c.agent_id).length : 0),
        );
        // people: no total counts them, but another breakdown of the same cases might; it too gives a sum of hidden groups at best
        for (const other of (Object.keys(BREAKDOWNS) as Breakdown[]).filter((b) => b !== breakdown)) {
          const theirs = published[other].groups;
          if (theirs.some((g) => g.suppressed)) continue;
          const left = theirs.reduce((s, g) => s + g.applicants!, 0) - sum((g) => g.applicants!);
          for (const g of hidden) expect(left, `${code} ${breakdown} ${g.group} applicants from ${other}`).not.toBe(g.applicants);
        }
        // a share times a known total gives a count back: a suppressed group publishes none
        for (const g of groups.filter((x) => x.suppressed))
          for (const [k, v] of Object.entries(g)) if (k !== 'group' && k !== 'suppressed') expect(v).toBeNull();
        // never a lone suppressed group beside others with people
        if (real.filter((g) => g.applicants > 0).length > 1) expect(hidden.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(attacked, 'divisions with a suppressed group to attack').toBeGreaterThan(3);
    expect(complemented, 'breakdowns with exactly one small group, hidden beside another').toBeGreaterThan(0);
  });

  it('is the same for every caller: anonymous, a citizen, an officer and a supervisor get the published groups alone', async () => {
    const code = '440000';
    const want = await divide(split, code);
    expect(want.byAgeBand.groups.some((g) => g.suppressed)).toBe(true);
    for (const headers of [
      {},
      await bearer({ role: 'CITIZEN', subject: '110101199001011234' }),
      await bearer({ role: 'OFFICER', department: '11110000446708951Q', scopes: ['cases:read', 'cases:write'] }),
      await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' }),
      await bearer({ role: 'AUDITOR', subject: 'auditor-1', scopes: ['audit:unmask'] }),
    ])
      expect(await divide(split, code, headers)).toEqual(want);
  });

  it('no client reaches the unsuppressed groups or their parts: not through the gateway, not at the department', async () => {
    for (const selection of ['groups(unsuppressed: true) { group applicants }', 'groups { group online decided workingDays }']) {
      const res = await split.query(
        `query($from: Date!, $to: Date!) { region(code: "440000") { digitalDivide(from: $from, to: $to) { byAgeBand { ${selection} } } } }`,
        WINDOW,
        await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' }),
      );
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // the department (its router) answers the gateway alone: a direct request, even for __typename, gets nothing
    const direct = await post(
      split.partitioned.cases!.url,
      `{ _entities(representations: [{ __typename: "Region", code: "440000" }]) { ... on Region { digitalDivide(from: "2024-01-01", to: "2026-12-31") { byAgeBand { groups(unsuppressed: true) { applicants } } } } } }`,
    );
    expect(direct.status).toBe(401);
    expect(direct.data ?? null).toBeNull();
    const typename = await post(split.partitioned.cases!.url, '{ __typename }');
    expect(typename.status).toBe(401);
  });
});
