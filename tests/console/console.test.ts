import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConsoleCaseTrendDocument,
  ConsoleDemandTrendDocument,
  ConsoleProvincesDocument,
  ConsoleRegionDashboardDocument,
} from '../../clients/console/generated/graphql.js';
import { lastMonths, yearWindow } from '../../clients/console/lib/dates.js';
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
    expect(await marks(page, 'demand-categories')).toEqual(country.demand.byCategory.map((c: { name: string; count: number }) => ({ label: c.name, value: c.count })));
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
    expect(await page.$$('[data-placeholder="digital-divide"] svg[data-chart="divide-channels"], [data-placeholder="supply-first"] svg')).toHaveLength(2);
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
});
