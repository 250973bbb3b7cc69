import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

/**
 * Figures of national scope on the partitioned graph (issue #15): every instance answers its share and
 * the router combines them by the schema's @combine rules. Each answer must equal, field for field,
 * what the unpartitioned deployment over the same sample data answers: counts summed, rates and means
 * recomputed from their parts, rows merged and re-ranked, lists merged in their order.
 */
const PROVINCES = ['11', '33', '44'];
const WINDOW = { from: '2024-01-01', to: '2026-12-31' };

const CASE_FIGURES = `caseFigures(from: $from, to: $to) {
  total byStatus { status count } byChannel { channel count } overdue decided decidedOnTime onTimeRate averageWorkingDays agentAssisted
  agentAssistedShare online onlineShare inHall inHallShare fullyOnline fullyOnlineShare inPersonVisits visitsPerCase
  overPromisedVisits overPromisedVisitsShare materialsReplaced casesWithCertificates tripsSaved }`;
const SATISFACTION = `satisfaction(from: $from, to: $to) {
  from to evaluations byLevel { level count } satisfied satisfactionRate badReviews rectified overdueRectifications
  averageDimensions { ratings overall efficiency guideAccuracy convenience usability } }`;
const DEMAND = `from to received byKind { kind name count share } byCategory { rank category name count share } byChannel { channel count share }`;
const UNMET = `rank category name departmentKind score received complaints helpRequests unresolved overdue dissatisfied`;
const TREND = `start end received byKind { kind count share }`;

const NATIONAL = `query($from: Date!, $to: Date!, $region: DivisionCode, $first: Int) {
  demand(region: $region, from: $from, to: $to) { region { code } ${DEMAND} }
  demandTrend(region: $region, from: $from, to: $to) { ${TREND} }
  unmetDemand(region: $region, from: $from, to: $to, first: $first) { ${UNMET} }
}`;
const REGION = `query($code: DivisionCode!, $from: Date!, $to: Date!, $first: Int) {
  region(code: $code) {
    code ${CASE_FIGURES} ${SATISFACTION}
    mostOverdueItems(from: $from, to: $to, first: $first) { item { code } overdueCases totalCases }
    demand(from: $from, to: $to) { ${DEMAND} }
    unmetDemand(from: $from, to: $to, first: $first) { ${UNMET} }
  }
}`;
const ITEMS = `query($from: Date!, $to: Date!) {
  serviceItems(first: 12) { nodes { code ${CASE_FIGURES} ${SATISFACTION} } }
}`;
const AGENCIES = `query($from: Date!, $to: Date!) {
  departments(first: 12) { nodes { code ${CASE_FIGURES} ${SATISFACTION}
    appealFigures(from: $from, to: $to) { from to received open overdue responded respondedOnTime onTimeRate closed satisfied basicallySatisfied dissatisfied satisfactionRate } } }
}`;

let plain: TestPlatform;
let split: TestPlatform;
let supervisor: Record<string, string>;
beforeAll(async () => {
  [plain, split] = await Promise.all([startPlatform(), startPlatform({}, { partitioned: { cases: PROVINCES, evaluation: PROVINCES, appeals: PROVINCES } })]);
  supervisor = await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' });
}, 180_000);
afterAll(() => Promise.all([plain?.close(), split?.close()]));

async function same(query: string, variables: Record<string, unknown>) {
  const [a, b] = await Promise.all([plain.query(query, variables, supervisor), split.query(query, variables, supervisor)]);
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  expect(b.data).toEqual(a.data);
  return a.data!;
}

describe('figures across provinces equal one instance holding every record', () => {
  it('holds the sample data in more than one instance of each department', async () => {
    for (const name of ['cases', 'evaluation', 'appeals']) {
      const holding = await Promise.all(
        split.partitioned[name]!.instances.map((i) =>
          i.orm.em
            .fork()
            .getConnection()
            .execute(`select count(*) as n from ${name === 'cases' ? 'cases' : name === 'evaluation' ? 'evaluation' : 'appeal'}`),
        ),
      );
      expect(holding.filter((rows) => Number((rows[0] as { n: number }).n) > 0).length, name).toBeGreaterThan(1);
    }
  });

  it.each([
    ['the country', null, 5],
    ['the country, every category', null, 11],
    ['a province', '440000', 3],
  ])('demand, its trend and what to supply first: %s', async (_, region, first) => {
    const data = await same(NATIONAL, { ...WINDOW, region, first });
    expect(data.demand.received).toBeGreaterThan(0);
  });

  it.each([['000000'], ['440000'], ['110000'], ['330000'], ['440100']])('a region at every level: %s', async (code) => {
    const data = await same(REGION, { ...WINDOW, code, first: 5 });
    expect(data.region.caseFigures.total).toBeGreaterThan(0);
  });

  it('a service item and an agency: their figures are in every province', async () => {
    const items = await same(ITEMS, WINDOW);
    expect(items.serviceItems.nodes.some((n: { caseFigures: { total: number } }) => n.caseFigures.total > 0)).toBe(true);
    const agencies = await same(AGENCIES, WINDOW);
    expect(agencies.departments.nodes.length).toBeGreaterThan(0);
  });

  it('a client cannot ask for what only the router may: every row, or the sums behind a mean', async () => {
    for (const query of [
      `{ unmetDemand(from: "2026-01-01", to: "2026-06-30", everyRow: true) { category score } }`,
      `{ region(code: "440000") { mostOverdueItems(from: "2026-01-01", to: "2026-06-30", everyRow: true) { totalCases } } }`,
      `{ region(code: "440000") { caseFigures(from: "2026-01-01", to: "2026-06-30") { workingDays } } }`,
      `{ region(code: "440000") { satisfaction(from: "2026-01-01", to: "2026-06-30") { averageDimensions { overallTotal } } } }`,
    ]) {
      const res = await split.query(query, {}, supervisor);
      expect(res.status, query).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
