import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImplementations } from '../samples/catalog.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { tripsInPerson, type EventRow } from './helpers/case-rows.js';

/**
 * Supply-efficiency figures (issue #17, item 1) equal an independent computation over the cases
 * department's own rows, at a county, a province and the country, on one instance and with Beijing
 * and Guangdong on their own instances. The computation here reads the tables directly and follows
 * the fields' descriptions, not the department's SQL: channels by name, trips in person per case from
 * its timeline, the promise from the sample catalog, certificate uses by row.
 */
const SEED = { size: 50, seed: 7 };
const WINDOW = { from: '2024-01-01', to: '2026-12-31' };
const FIELDS = `total agentAssisted agentAssistedShare online onlineShare inHall inHallShare fullyOnline fullyOnlineShare
  inPersonVisits visitsPerCase overPromisedVisits overPromisedVisitsShare materialsReplaced casesWithCertificates tripsSaved`;
const QUERY = `query($code: DivisionCode!, $from: Date!, $to: Date!) { region(code: $code) { caseFigures(from: $from, to: $to) { ${FIELDS} } } }`;

interface CaseRow {
  id: string;
  region_code: string;
  channel: string;
  agent_id: string | null;
  submitted_on: string;
  implementation_code: string;
}
interface Rows {
  cases: CaseRow[];
  events: EventRow[];
  uses: { case_id: string }[];
}

let plain: TestPlatform;
let split: TestPlatform;
let supervisor: Record<string, string>;

const databasesOf = (platform: TestPlatform): SqlEntityManager[] =>
  platform.partitioned.cases
    ? platform.partitioned.cases.instances.map((i) => i.orm.em.fork() as SqlEntityManager)
    : [platform.departments.cases!.orm.em.fork() as SqlEntityManager];

async function rowsOf(platform: TestPlatform): Promise<Rows> {
  const all: Rows = { cases: [], events: [], uses: [] };
  for (const em of databasesOf(platform)) {
    all.cases.push(...(await em.execute<CaseRow[]>('select id, region_code, channel, agent_id, submitted_on, implementation_code from cases')));
    all.events.push(...(await em.execute<EventRow[]>('select case_id, seq, status, channel from case_event order by case_id, seq')));
    all.uses.push(...(await em.execute<{ case_id: string }[]>('select case_id from case_certificate_used')));
  }
  return all;
}

/**
 * Certificates that stood in for materials at submission: the sample data has none (they are made
 * by submitCase with a confirmed preview, see tests/data-runs.test.ts), so the test records some on
 * sample cases, as a submission would, in whichever instance holds each case.
 */
async function recordCertificateUses(platform: TestPlatform): Promise<void> {
  for (const em of databasesOf(platform)) {
    // every third case, and every case not submitted in the hall (where a trip may have been saved)
    const cases = await em.execute<{ id: string; channel: string }[]>('select id, channel from cases order by id');
    for (const [i, c] of cases.filter((c, i) => i % 3 === 0 || c.channel !== 'SERVICE_HALL').entries()) {
      for (let m = 0; m <= i % 3; m++) {
        await em.execute('insert into case_certificate_used (case_id, material, certificate_id, certificate_type, number) values (?, ?, ?, ?, ?)', [
          c.id,
          `material ${m}`,
          `CERT${String(i * 3 + m).padStart(20, '0')}`,
          'RESIDENT_ID_CARD',
          '110101199001011234',
        ]);
      }
    }
  }
}

const within = (code: string, region: string) =>
  code === '000000'
    ? true
    : code.endsWith('0000')
      ? region.startsWith(code.slice(0, 2))
      : code.endsWith('00')
        ? region.startsWith(code.slice(0, 4))
        : region === code;

function expected(rows: Rows, code: string) {
  const promise = new Map(sampleImplementations(SEED.seed).map((i) => [i.code, i.inPersonVisits]));
  const cases = rows.cases.filter((c) => within(code, c.region_code) && c.submitted_on >= WINDOW.from && c.submitted_on <= WINDOW.to);
  const facts = cases.map((c) => {
    const visits = tripsInPerson(rows.events.filter((e) => e.case_id === c.id));
    const certificates = rows.uses.filter((u) => u.case_id === c.id).length;
    return { c, visits, certificates, promised: promise.get(c.implementation_code)! };
  });
  const count = (test: (f: (typeof facts)[number]) => boolean) => facts.filter(test).length;
  const total = facts.length;
  const share = (n: number) => (total ? n / total : null);
  const agentAssisted = count((f) => f.c.agent_id !== null);
  const online = count((f) => f.c.channel === 'WEB_PORTAL' || f.c.channel === 'MOBILE_APP');
  const inHall = count((f) => f.c.channel === 'SERVICE_HALL');
  const fullyOnline = count((f) => f.visits === 0);
  const inPersonVisits = facts.reduce((s, f) => s + f.visits, 0);
  const overPromisedVisits = count((f) => f.visits > f.promised);
  return {
    total,
    agentAssisted,
    agentAssistedShare: share(agentAssisted),
    online,
    onlineShare: share(online),
    inHall,
    inHallShare: share(inHall),
    fullyOnline,
    fullyOnlineShare: share(fullyOnline),
    inPersonVisits,
    visitsPerCase: share(inPersonVisits),
    overPromisedVisits,
    overPromisedVisitsShare: share(overPromisedVisits),
    materialsReplaced: facts.reduce((s, f) => s + f.certificates, 0),
    casesWithCertificates: count((f) => f.certificates > 0),
    tripsSaved: count((f) => f.certificates > 0 && f.promised > 0 && f.visits === 0),
  };
}

beforeAll(async () => {
  [plain, split] = await Promise.all([startPlatform({}, { seed: SEED }), startPlatform({}, { seed: SEED, partitioned: { cases: ['11', '44'] } })]);
  await Promise.all([recordCertificateUses(plain), recordCertificateUses(split)]);
  supervisor = await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' });
}, 180_000);
afterAll(() => Promise.all([plain?.close(), split?.close()]));

describe('supply-efficiency figures equal an independent computation over the seeded cases', () => {
  it('has what makes each figure differ from zero in the sample', async () => {
    const rows = await rowsOf(plain);
    const country = expected(rows, '000000');
    for (const [name, value] of Object.entries(country)) expect(value, name).toBeGreaterThan(0);
    // not every case is online, in the hall or handled without a trip
    expect(country.online + country.inHall).toBeLessThanOrEqual(country.total);
    expect(country.fullyOnline).toBeLessThan(country.total);
    expect(country.casesWithCertificates).toBeLessThan(country.total);
  });

  it.each([
    ['the country', '000000'],
    ['a province with its own instance', '440000'],
    ['a province on the national instance', '330000'],
    ['a prefecture', '440100'],
  ])('%s (%s), on one instance and across provinces', async (_, code) => {
    for (const platform of [plain, split]) {
      const res = await platform.query(QUERY, { ...WINDOW, code }, supervisor);
      expect(res.errors).toBeUndefined();
      const want = expected(await rowsOf(platform), code);
      expect(want.total, code).toBeGreaterThan(0);
      expect(res.data!.region.caseFigures).toEqual(want);
    }
  });

  it('a county with cases, on one instance and across provinces', async () => {
    const rows = await rowsOf(plain);
    // the county of Guangdong with the most cases, so its figures have certificates in them
    const counts = new Map<string, number>();
    for (const c of rows.cases)
      if (c.region_code.startsWith('44') && !c.region_code.endsWith('00')) counts.set(c.region_code, (counts.get(c.region_code) ?? 0) + 1);
    const county = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    for (const platform of [plain, split]) {
      const res = await platform.query(QUERY, { ...WINDOW, code: county }, supervisor);
      expect(res.errors).toBeUndefined();
      expect(res.data!.region.caseFigures).toEqual(expected(await rowsOf(platform), county));
    }
  });

  it('are read from the database only when asked, through fragments too', async () => {
    const ask = async (selection: string, fragments = '') => {
      plain.resetSql();
      const query = `query($from: Date!, $to: Date!) { region(code: "440000") { caseFigures(from: $from, to: $to) { ${selection} } } } ${fragments}`;
      const res = await plain.query(query, WINDOW, supervisor);
      expect(res.errors).toBeUndefined();
      return { figures: res.data!.region.caseFigures, statements: plain.sqlCount() };
    };
    const without = await ask('total onTimeRate');
    const withParts = await ask('total onTimeRate ...Supply ... on CaseFigures { online }', 'fragment Supply on CaseFigures { tripsSaved }');
    // one statement more: the supply parts', and only when one of them is selected
    expect(withParts.statements).toBe(without.statements + 1);
    const want = expected(await rowsOf(plain), '440000');
    expect(withParts.figures).toEqual({ total: want.total, onTimeRate: without.figures.onTimeRate, tripsSaved: want.tripsSaved, online: want.online });
  });

  it('are aggregates read like the other case figures: no personal data, the same answer for every caller', async () => {
    const citizen = await bearer({ role: 'CITIZEN', subject: '110101199001011234' });
    const want = (await split.query(QUERY, { ...WINDOW, code: '440000' }, supervisor)).data!.region.caseFigures;
    for (const headers of [citizen, {}]) expect((await split.query(QUERY, { ...WINDOW, code: '440000' }, headers)).data!.region.caseFigures).toEqual(want);
    // nothing in them names a case or a person: every field is a number
    for (const value of Object.values(want)) expect(typeof value).toBe('number');
  });
});
