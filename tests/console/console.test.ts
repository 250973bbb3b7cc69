import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConsoleAccessLogDocument,
  ConsoleCaseTrendDocument,
  ConsoleDemandTrendDocument,
  ConsoleDigitalDivideDocument,
  ConsoleProvincesDocument,
  ConsoleRegionDashboardDocument,
  ConsoleSupplyFirstDocument,
} from '../../clients/console/generated/graphql.js';
import { lastMonths, yearWindow } from '../../clients/console/lib/dates.js';
import { addDays, todayInChina } from '../../platform/time.js';
import { sampleCaseAt } from '../../samples/cases.js';
import { consoleSubjects } from '../../scripts/demo-subjects.js';
import { browserTests, launchChromium } from '../browser/chromium.js';
import { startPlatform, type TestPlatform } from '../helpers/platform.js';
import { bearer } from '../helpers/tokens.js';
import { identityNumbersIn, marks, screenshot, signInByKeyboard } from './helpers.js';

// The console (/console on the gateway's port) in a real browser, over a platform seeded as npm start seeds it, with
// trusted documents enforced as in production: each role signs in by keyboard, opens its pages, and the charts are
// compared with the API's answer to the same registered document; a role never sees what it may not.

const SEED = { size: 200, seed: 1 };
const subjects = consoleSubjects(SEED.seed, SEED.size);
const citizen = subjects.citizen!.subject!;
const inventory = JSON.parse(readFileSync(new URL('../../schema/inventory.json', import.meta.url), 'utf8')) as {
  types: { fields?: { coordinate: string; owners: string[]; personal: { category: string; sensitive: boolean } | null; access: { words: string } | null }[] }[];
};
const idOf = (document: { __meta__?: Record<string, any> }) => document.__meta__!['hash'] as string;

describe.runIf(browserTests)('the console in a browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    vi.stubEnv('TRUSTED_DOCUMENTS', 'enforce');
    platform = await startPlatform({ CONSOLE_SUBJECTS: JSON.stringify(subjects) }, { seed: SEED });
    base = platform.gateway.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await browser?.close();
    await platform?.close();
  });

  /** The API's answer to a console document, asked directly as a supervisor. */
  const api = async (document: { toString(): string }, variables: Record<string, unknown>) => {
    const answer = await platform.query(document.toString(), variables, await bearer({ role: 'SUPERVISOR', subject: 'supervisor' }));
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };

  it("a supervisor's dashboard draws the API's figures at every level, and no identity number", { timeout: 180_000 }, async () => {
    const page = await signInByKeyboard(browser, base, 'supervisor');
    await page.waitForURL(/\/console\/dashboard$/);
    const { from, to } = yearWindow();

    const country = (await api(ConsoleRegionDashboardDocument, { code: '000000', from, to })).region;
    expect(country.caseFigures.total).toBeGreaterThan(0);
    expect(await marks(page, 'supply-shares')).toEqual(
      ['onlineShare', 'inHallShare', 'agentAssistedShare', 'fullyOnlineShare', 'overPromisedVisitsShare'].map((share) => ({
        label: expect.any(String),
        value: country.caseFigures[share] ?? 0,
      })),
    );
    expect((await marks(page, 'data-runs')).map((m) => m.value)).toEqual(
      ['materialsReplaced', 'casesWithCertificates', 'tripsSaved', 'inPersonVisits'].map((n) => country.caseFigures[n]),
    );
    expect((await marks(page, 'satisfaction-levels')).map((m) => m.value)).toEqual(country.satisfaction.byLevel.map((l: { count: number }) => l.count));
    expect(await marks(page, 'demand-categories')).toEqual(
      country.demand.byCategory.map((c: { name: string; count: number }) => ({ label: c.name, value: c.count })),
    );
    expect((await marks(page, 'overdue-items')).map((m) => m.value)).toEqual(country.mostOverdueItems.map((i: { overdueCases: number }) => i.overdueCases));

    // the trend: one registered document per month, the same months
    const months = lastMonths(12);
    const perMonth = await Promise.all(months.map((m) => api(ConsoleCaseTrendDocument, { code: '000000', from: m.from, to: m.to })));
    const trend = await marks(page, 'case-trend');
    expect(trend).toEqual(months.map((m, i) => ({ label: m.label, value: perMonth[i]!.region.caseFigures.total })));
    expect(trend.reduce((sum, m) => sum + m.value, 0)).toBe(country.caseFigures.total);
    const demand = (await api(ConsoleDemandTrendDocument, { code: '000000', from, to })).region.demandTrend as { received: number }[];
    expect((await marks(page, 'demand-trend')).map((m) => m.value)).toEqual(demand.map((p) => p.received));

    // the provinces side by side: those with cases, each with its own figures
    const provinces = ((await api(ConsoleProvincesDocument, { from, to })).regions.nodes as { name: string; caseFigures: { total: number } }[]).filter(
      (p) => p.caseFigures.total > 0,
    );
    expect(provinces.length).toBeGreaterThan(1);
    expect(await marks(page, 'provinces-cases')).toEqual(provinces.map((p) => ({ label: p.name, value: p.caseFigures.total })));
    // the digital divide: every group with cases or suppressed, a suppressed one drawn at 0 and labelled so
    const divide = (await api(ConsoleDigitalDivideDocument, { code: '000000', from, to })).region.digitalDivide;
    type Group = { suppressed: boolean; cases: number | null; onlineShare: number | null; agentAssistedShare: number | null };
    for (const key of ['byAgeBand', 'byResidence', 'byEconomicRegion']) {
      const groups = (divide[key].groups as Group[]).filter((g) => g.suppressed || (g.cases ?? 0) > 0);
      expect(groups.some((g) => !g.suppressed)).toBe(true);
      for (const [chart, share] of [
        ['online', 'onlineShare'],
        ['agent', 'agentAssistedShare'],
      ] as const) {
        expect((await marks(page, `divide-${key}-${chart}`)).map((m) => m.value)).toEqual(groups.map((g) => (g.suppressed ? 0 : (g[share] ?? 0))));
      }
    }
    // what to supply first: the items' scores, in rank order, with the parts' contributions in the table
    const plan = (await api(ConsoleSupplyFirstDocument, { code: '000000', from, to })).region.supplyPlan as {
      items: { item: { name: string }; score: number; parts: { contribution: number }[] }[];
    };
    expect(await marks(page, 'supply-first')).toEqual(plan.items.map((i) => ({ label: i.item.name, value: i.score })));
    expect(await page.$$('table[data-table="supply-first"] tbody tr')).toHaveLength(plan.items.length);
    expect(await identityNumbersIn(page)).toEqual([]);
    await screenshot(page, 'supervisor-dashboard-country');

    // down the levels by the division choice: province, prefecture, county (the demo citizen's: 甘肃省 兰州市 七里河区)
    for (const code of ['620000', '620100', '620103']) {
      await page.selectOption('[data-testid="division-select"]', code);
      await page.waitForSelector(`[data-region="${code}"]`);
      const region = (await api(ConsoleRegionDashboardDocument, { code, from, to })).region;
      expect(await page.textContent('[data-figure="total"]')).toBe(String(region.caseFigures.total));
      expect((await marks(page, 'supply-shares')).map((m) => m.value)).toEqual(
        ['onlineShare', 'inHallShare', 'agentAssistedShare', 'fullyOnlineShare', 'overPromisedVisitsShare'].map((s) => region.caseFigures[s] ?? 0),
      );
      const monthly = await Promise.all(months.map((m) => api(ConsoleCaseTrendDocument, { code, from: m.from, to: m.to })));
      expect((await marks(page, 'case-trend')).map((m) => m.value)).toEqual(monthly.map((a) => a.region.caseFigures.total));
      expect(await identityNumbersIn(page)).toEqual([]);
    }
    await screenshot(page, 'supervisor-dashboard-county');
    await page.close();
  });

  it('an auditor reads the schema inventory, the access log with filters, withheld reads, and verifies the chain', { timeout: 120_000 }, async () => {
    const page = await signInByKeyboard(browser, base, 'auditor');
    await page.waitForURL(/\/console\/audit\/inventory$/);
    await page.waitForSelector('table[data-table="inventory"] tbody tr');
    // personal fields only, by default: each with its owners, category and rule, as schema/inventory.json has them
    const rows = await page.$$eval('table[data-table="inventory"] tbody tr', (trs) => trs.map((r) => [...r.children].map((c) => c.textContent)));
    const personal = inventory.types.flatMap((t) => (t.fields ?? []).filter((f) => f.personal));
    expect(rows).toEqual(
      personal.map((f) => [f.coordinate, f.owners.join('、'), `${f.personal!.category}${f.personal!.sensitive ? '（敏感）' : ''}`, f.access?.words ?? '—']),
    );
    expect(rows.map((r) => r[0])).toContain('Person.id');
    await screenshot(page, 'auditor-inventory');

    // a read of personal data (the citizen's own record), delivered to the audit log in the background
    const read = await platform.query('{ me { person { name } } }', {}, await bearer({ role: 'CITIZEN', subject: citizen }));
    expect(read.errors).toBeUndefined();
    const auditor = await bearer({ role: 'AUDITOR', subject: 'auditor' });
    await vi.waitFor(
      async () => expect((await platform.query('{ accessLog(first: 1) { nodes { seq } } }', {}, auditor)).data!.accessLog.nodes).toHaveLength(1),
      {
        timeout: 30_000,
        interval: 200,
      },
    );
    await page.click('a[href="/console/audit/log"]');
    await page.waitForSelector('table[data-table="access-log"]');
    expect(await page.$('[role="alert"]')).toBeNull();
    await page.waitForSelector('table[data-table="access-log"] tbody tr');
    const seqs = await page.$$eval('table[data-table="access-log"] tbody tr', (rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
    expect(seqs[0]).toBe(1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await page.fill('input[name="department"]', 'population');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table[data-table="access-log"] tbody tr td:nth-child(3)')].every((td) => td.textContent === 'population'),
    );
    await screenshot(page, 'auditor-access-log');

    // an officer reads the citizen's record under an investigation, withheld from them for a month
    const until = addDays(todayInChina(), 30);
    const withheldRead = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { name } }',
      { id: citizen },
      {
        ...(await bearer({
          role: 'OFFICER',
          subject: 'officer-7',
          department: subjects.officer!.department,
          scopes: ['population:read', 'population:withhold'],
        })),
        'x-purpose': `withheld until ${until}: investigation 2026-042`,
      },
    );
    expect(withheldRead.errors).toBeUndefined();
    await vi.waitFor(
      async () =>
        expect((await platform.query('{ accessLog(withheld: true, first: 1) { nodes { seq } } }', {}, auditor)).data!.accessLog.nodes).toHaveLength(1),
      {
        timeout: 30_000,
        interval: 200,
      },
    );
    await page.click('a[href="/console/audit/withheld"]');
    await page.waitForSelector('table[data-table="access-log"] tbody tr');
    // the log's filters stay on the log's page
    expect(await page.inputValue('input[name="department"]')).toBe('');
    const withheldUntil = await page.$$eval('table[data-table="access-log"] tbody td:nth-child(8)', (tds) => tds.map((td) => td.textContent));
    expect(withheldUntil.length).toBeGreaterThan(0);
    expect(new Set(withheldUntil)).toEqual(new Set([until]));
    await screenshot(page, 'auditor-withheld');

    await page.click('a[href="/console/audit/chain"]');
    await page.click('text=开始校验');
    await page.waitForSelector('[data-chain]');
    expect(await page.getAttribute('[data-chain]', 'data-chain')).toBe('ok');
    expect(Number(await page.textContent('[data-figure="entries"]'))).toBeGreaterThan(0);
    await screenshot(page, 'auditor-chain');
    await page.close();
  });

  it('a citizen sees who read their data and only their own cases with their progress; the auditor pages give them nothing', { timeout: 120_000 }, async () => {
    const page = await signInByKeyboard(browser, base, 'citizen');
    const sent: string[] = [];
    page.on('request', (request) => void (request.url().includes('/graphql') && sent.push(request.postData() ?? '')));
    await page.waitForURL(/\/console\/my\/data$/);
    await page.waitForSelector('table[data-table="my-data"] tbody tr');
    // their reads of their own record are there; the officer's read withheld from them is not
    expect(await page.textContent('table[data-table="my-data"]')).not.toContain('investigation');
    await screenshot(page, 'citizen-data-tracker');

    await page.click('a[href="/console/my/cases"]');
    await page.waitForSelector('table[data-table="my-cases"] tbody tr');
    const shown = await page.$$eval('tr[data-case]', (rows) => rows.map((r) => r.getAttribute('data-case')!));
    // theirs: every seeded case they applied for or act in (as the seeders drew them), and no other
    const own = Array.from({ length: SEED.size }, (_, i) => sampleCaseAt(SEED.seed, i, SEED.size))
      .filter((c) => c.applicantId === citizen || c.agentId === citizen)
      .map((c) => c.id);
    expect(shown.sort()).toEqual(own.sort());
    await screenshot(page, 'citizen-cases');

    await page.click(`a[href="/console/my/cases/${shown[0]}"]`);
    await page.waitForSelector('[data-live="open"]');
    expect(Number(await page.getAttribute('ol.timeline', 'data-events'))).toBeGreaterThan(0);
    await screenshot(page, 'citizen-case-progress');

    // the auditor's page by URL: refused by the console, nothing asked of the API, and the inventory refused by the server
    sent.length = 0;
    await page.goto(`${base}/console/audit/log`);
    await page.waitForSelector('[data-denied]');
    expect(await page.$('table[data-table="access-log"]')).toBeNull();
    expect(sent.some((body) => body.includes('accessLog') || body.includes(idOf(ConsoleAccessLogDocument)))).toBe(false);
    const inventory = await page.evaluate(async () => {
      const response = await fetch('/console/inventory.json', { headers: { authorization: `Bearer ${sessionStorage.getItem('govgraph-console-token')}` } });
      return { status: response.status, body: await response.text() };
    });
    expect(inventory.status).toBe(403);
    expect(inventory.body).not.toContain('Person.id');
    // and the API refuses the auditor's document to them, registered or not
    const refused = await page.evaluate(async (documentId) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollographql-client-name': 'govgraph-console',
          authorization: `Bearer ${sessionStorage.getItem('govgraph-console-token')}`,
        },
        body: JSON.stringify({ documentId, variables: {} }),
      });
      return ((await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    }, idOf(ConsoleAccessLogDocument));
    expect(refused).toBe('FORBIDDEN');
    await screenshot(page, 'citizen-denied-audit');

    // signing out forgets the token
    await page.goto(`${base}/console/my/data`);
    await page.click('text=退出');
    await page.waitForSelector('button[data-role="citizen"]');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await screenshot(page, 'sign-in');
    await page.close();
  });

  it("an officer gets the region dashboard and none of the auditors' or citizens' pages", { timeout: 60_000 }, async () => {
    const page = await signInByKeyboard(browser, base, 'officer');
    await page.waitForURL(/\/console\/dashboard$/);
    await marks(page, 'supply-shares');
    expect(await page.$$eval('header nav a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['/console/dashboard']);
    for (const path of ['/console/audit/inventory', '/console/my/cases']) {
      await page.goto(`${base}${path}`);
      await page.waitForSelector('[data-denied]');
    }
    await page.close();
  });

  it("an enterprise sees its own cases, and the console's text queries are refused: only its registered documents run", { timeout: 60_000 }, async () => {
    const page = await signInByKeyboard(browser, base, 'enterprise');
    await page.click('a[href="/console/my/cases"]');
    await page.waitForSelector('table[data-table="my-cases"] tbody tr');
    const enterprise = subjects.enterprise!.subject!;
    const own = Array.from({ length: SEED.size }, (_, i) => sampleCaseAt(SEED.seed, i, SEED.size))
      .filter((c) => c.applicantId === enterprise)
      .map((c) => c.id);
    expect((await page.$$eval('tr[data-case]', (rows) => rows.map((r) => r.getAttribute('data-case')!))).sort()).toEqual(own.sort());
    await screenshot(page, 'enterprise-cases');
    const text = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollographql-client-name': 'govgraph-console' },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      return response.status;
    });
    expect(text).toBe(403);
    await page.close();
  });
});
