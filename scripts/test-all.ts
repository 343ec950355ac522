// `npm test`: the one command that mirrors CI. Runs every step in order, stops at the first
// failing step, and ends with a summary line "N passed, N failed" counted over all test runners.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string;
  /** JSON report written by the step's test runner, read for pass/fail counts. */
  report?: { file: string; read: (text: string) => Counts };
}

interface Counts {
  passed: number;
  failed: number;
}
/** The fields read from Vitest's JSON reporter output. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
}
/** The fields read from Playwright's JSON reporter output (flaky tests passed on a retry). */
interface PlaywrightReport {
  stats: { expected: number; flaky: number; unexpected: number };
}

const vitestCounts = (text: string): Counts => {
  const j = JSON.parse(text) as VitestReport;
  return { passed: j.numPassedTests, failed: j.numFailedTests };
};
const playwrightCounts = (text: string): Counts => {
  const j = JSON.parse(text) as PlaywrightReport;
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected };
};

const steps: Step[] = [
  { name: 'type check', command: 'npx astro check && npx tsc --noEmit -p tsconfig.json' },
  // After the type check, which generates Astro's types that typed lint rules read.
  { name: 'lint and format', command: 'npx prettier --check . && npx eslint .' },
  {
    name: 'unit tests',
    command:
      'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json',
    report: { file: 'test-results/unit.json', read: vitestCounts },
  },
  { name: 'chapter check', command: 'node scripts/check-chapters.ts --all' },
  { name: 'build', command: 'npx astro build' },
  // Quality gates that only read dist/ (see CONTRIBUTING.md, "What the checks do").
  { name: 'page weight', command: 'node scripts/audit/page-weight.ts' },
  { name: 'HTML validity', command: 'npx html-validate dist' },
  { name: 'CSP and third-party loads', command: 'node scripts/audit/csp.ts' },
  {
    name: 'end-to-end tests',
    command: 'npx playwright test',
    report: { file: 'test-results/e2e.json', read: playwrightCounts },
  },
  // PR previews live under a sub-path: build like one and browse it (links, assets, map, search).
  { name: 'sub-path build', command: 'BASE_PATH=/preview/pr-1/ OUT_DIR=dist-base npx astro build' },
  {
    name: 'sub-path end-to-end tests',
    command:
      'BASE_PATH=/preview/pr-1/ OUT_DIR=dist-base npx playwright test -c playwright.base-path.config.ts',
    report: { file: 'test-results/e2e-base-path.json', read: playwrightCounts },
  },
];

let passed = 0;
let failed = 0;
rmSync('test-results', { recursive: true, force: true });
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command}`);
  const started = Date.now();
  const { status } = spawnSync(step.command, { shell: true, stdio: 'inherit' });
  if (step.report && existsSync(step.report.file)) {
    const counts = step.report.read(readFileSync(step.report.file, 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
  }
  console.log(
    `=== ${step.name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) {
    if (!step.report) failed += 1; // a failing non-runner step counts as one failure
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
