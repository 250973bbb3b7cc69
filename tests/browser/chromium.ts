import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs (apt-get install chromium); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests run: always in CI (a missing Chromium fails them there), and on a
 * developer's machine when Chromium is installed.
 */
export const browserTests = process.env.CI === 'true' || existsSync(CHROMIUM);

/**
 * Headless Chromium (Playwright gives it a fresh profile). The flags keep it from calling out to the network (this
 * machine's outbound connections are refused, and Chromium retries them) and from needing a sandbox
 * as root.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
