import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The full Chromium: Lighthouse, screenshots and the timing budgets measure what a reader's
 * browser does. Override with CHROMIUM_PATH.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

/**
 * The Chromium that tests and build-time rendering drive: Debian's chromium-headless-shell when
 * installed (the same engine without the browser shell, as Playwright uses for headless runs; it
 * loads and axe-checks a page in about a quarter less time: the end-to-end suite went from 9.0
 * to 5.4 minutes on 2 cores), else the full Chromium. CHROMIUM_PATH overrides both.
 */
export const headlessChromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : DEBIAN_CHROMIUM);

/**
 * Headless launch flags. The machines this project runs on have no network but the package
 * registries, so Chromium's background services are switched off to avoid refused connections.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
