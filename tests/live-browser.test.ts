import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CaseProgressDocument } from '../clients/portal/generated/graphql.js';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { browserTests, launchChromium } from './browser/chromium.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// A front end in a real browser (Debian's Chromium through Playwright), on an origin of its own, follows a
// citizen's cases with the portal's trusted document, over cases partitioned by province, and sees the case
// move as a hall officer handles it. A page on an origin the gateway does not allow reads nothing.

const alice = personAt(7, 0);
const ITEM = 'JF-040003-001';
const PAGE = readFileSync(new URL('./browser/live-page.html', import.meta.url), 'utf8');
const CLIENT = readFileSync(new URL('../node_modules/graphql-sse/umd/graphql-sse.js', import.meta.url), 'utf8');

/** Serves the page and graphql-sse's browser build from an origin of its own. */
async function pageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const script = req.url === '/graphql-sse.js';
    res.writeHead(200, { 'content-type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(script ? CLIENT : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.runIf(browserTests)('live case progress in a browser, from another origin, with a trusted document', () => {
  let platform: TestPlatform;
  let allowed: { origin: string; server: Server };
  let other: { origin: string; server: Server };
  let browser: Browser;
  beforeAll(async () => {
    [allowed, other] = await Promise.all([pageServer(), pageServer()]);
    vi.stubEnv('TRUSTED_DOCUMENTS', 'enforce');
    platform = await startPlatform({ CORS_ORIGINS: allowed.origin }, { partitioned: { cases: ['11', '44'] } });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await browser?.close();
    allowed?.server.close();
    other?.server.close();
    await platform?.close();
  });

  const open = async (origin: string) => {
    const page = await browser.newPage();
    const token = (await bearer({ role: 'CITIZEN', subject: alice.id })).authorization!.slice('Bearer '.length);
    const documentId = CaseProgressDocument.__meta__!['hash'] as string;
    await page.goto(`${origin}/#${encodeURIComponent(JSON.stringify({ endpoint: platform.gateway.url, token, documentId }))}`);
    return page;
  };

  it("shows each change of the citizen's case as it happens", async () => {
    const page = await open(allowed.origin);
    await page.waitForSelector('body[data-state="open"]');
    const implementation = sampleImplementations(7).find((i) => i.itemCode === ITEM && i.regionCode.startsWith('44'))!;
    const input = { itemCode: ITEM, implementationCode: implementation.code, applicantKind: 'PERSON', applicantId: alice.id, channel: 'WEB_PORTAL' };
    const submitted = await platform.query(
      'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }',
      { input },
      await bearer({ role: 'CITIZEN', subject: alice.id }),
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitCase.id as string;
    const officer = {
      ...(await bearer({ role: 'OFFICER', subject: 'window-7', department: implementation.departmentCode, scopes: ['cases:read', 'cases:write'] })),
      'x-purpose': `case:${id}`,
    };
    const accepted = await platform.query('mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { ... on Case { status } } }', { id }, officer);
    expect(accepted.errors).toBeUndefined();
    await page.waitForFunction(() => document.querySelectorAll('#events li').length >= 2);
    const lines = await page.locator('#events li').allTextContents();
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^${id} SUBMITTED \\S+`)), expect.stringMatching(new RegExp(`^${id} ACCEPTED \\S+`))]);
    expect(await page.locator('#error').textContent()).toBe('');
    await page.close();
  });

  it('gives a page of an origin the gateway does not allow nothing to read', async () => {
    const page = await open(other.origin);
    await page.waitForSelector('body[data-state="failed"]');
    expect(await page.locator('#events li').count()).toBe(0);
    expect(await page.locator('#error').textContent()).not.toBe('');
    await page.close();
  });
});
