import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// The sub-path build PR previews use: tests/e2e/base-path.spec.ts against dist-base/ served under
// /preview/pr-1/ (scripts/test-all.ts builds it with the same BASE_PATH and OUT_DIR first).
process.env.BASE_PATH ??= '/preview/pr-1/';
process.env.OUT_DIR ??= 'dist-base';
const port = Number(process.env.E2E_BASE_PORT ?? 4471);
const basePath = process.env.BASE_PATH.replace(/\/?$/, '/');

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: 'base-path.spec.ts',
  outputDir: 'test-results/base-path',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-base-path.json' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `node scripts/serve-dist.ts --port=${port} --dir=${process.env.OUT_DIR} --base=${basePath}`,
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
