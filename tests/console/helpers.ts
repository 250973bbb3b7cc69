import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkResidentId } from '../../platform/identifiers/index.js';

/** Where the console tests write a screenshot of every page they open (README: "The console"). */
export const SCREENSHOTS = new URL('../../screenshots/console/', import.meta.url);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** A fresh page signed in through the development sign-in: Tab to the role's button and press Enter, as a keyboard user does. */
export async function signInByKeyboard(browser: Browser, base: string, role: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/console`);
  await page.waitForSelector(`button[data-role="${role}"]`);
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((r) => (document.activeElement as HTMLElement | null)?.dataset.role === r, role)) break;
  }
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.role)).toBe(role);
  await page.keyboard.press('Enter');
  await page.waitForSelector('header [data-role]');
  return page;
}

/** What a chart drew: each mark's label and value, in order. */
export async function marks(page: Page, chart: string): Promise<{ label: string; value: number }[]> {
  await page.waitForSelector(`svg[data-chart="${chart}"]`);
  return page.$$eval(`svg[data-chart="${chart}"] [data-mark]`, (nodes) =>
    nodes.map((n) => ({ label: n.getAttribute('data-label') ?? '', value: Number(n.getAttribute('data-value')) })),
  );
}

/** Every 18-character resident identity number with a valid check character in the page's text and attributes. */
export async function identityNumbersIn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
    return `${document.body.innerText}\n${document.body.textContent ?? ''}\n${attributes.join('\n')}`;
  });
  return [...text.matchAll(/(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/g)].map((m) => m[0]).filter((candidate) => checkResidentId(candidate) === null);
}
