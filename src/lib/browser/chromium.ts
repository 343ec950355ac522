/** Path of the Chromium used by tests and build-time rendering; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
