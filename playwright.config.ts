import { defineConfig } from '@playwright/test';
import { chromiumArgs, headlessChromiumPath } from './src/lib/browser/chromium.ts';

// End-to-end tests run against the production build in dist/ (built by `npm test` first),
// served by scripts/serve-dist.ts, in Debian's Chromium: no browser downloads.
const port = Number(process.env.E2E_PORT ?? 4400);

export default defineConfig({
  testDir: 'tests/e2e',
  // base-path.spec.ts needs the sub-path build; it runs in playwright.base-path.config.ts.
  testIgnore: 'base-path.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // The machines are 2-core and often busy; allow slow hydration rather than flake.
  expect: { timeout: 10_000 },
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: headlessChromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node scripts/serve-dist.ts --port=${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
