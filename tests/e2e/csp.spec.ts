// The site works under its own Content-Security-Policy (the <meta> tag every built page carries):
// no violation on any journey, nothing fetched from another host, and the policy is enforced.
import { expect, test, type Page } from '@playwright/test';
import { readPolicyMeta } from '../../src/lib/audit/csp.ts';
import { listPagePaths } from './helpers.ts';

const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
/** A site path under the base path. */
const at = (path: string) => `${BASE}${path.replace(/^\//, '')}`;

/**
 * Record, from before any page script runs, every CSP violation the page reports and every host it
 * requests. Returns readers for both.
 */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || 'page'}:${e.lineNumber} ${e.sample}`,
      ),
    );
  });
  const hosts = new Set<string>();
  const refused: string[] = [];
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return {
    /** Violations seen so far, from the event and from the console. */
    violations: async () => [
      ...(await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      )),
      ...refused,
    ],
    hosts: () => [...hosts],
  };
}

/** The policy the page was served with. */
async function policyOf(page: Page): Promise<string> {
  return readPolicyMeta(await page.content()) ?? '';
}

test('the map hydrates, opens a component and changes theme with no CSP violation', async ({
  page,
  baseURL,
}) => {
  const csp = await watch(page);
  await page.goto(at('/'));
  expect(await policyOf(page)).toContain("default-src 'none'");
  await page.locator('.react-flow').hover(); // the map hydrates when the reader starts to use it
  await expect(page.getByRole('button', { name: /^5 Data storage\b/ })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: /^5 Data storage\b/ }).click();
  await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible();

  const html = page.locator('html');
  const theme = page.getByRole('button', { name: /^Theme:/ });
  await theme.click();
  await expect(html).toHaveAttribute('data-theme-choice', 'light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await theme.click();
  await expect(html).toHaveAttribute('data-theme-choice', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  expect(await csp.violations()).toEqual([]);
  expect(csp.hosts()).toEqual([new URL(baseURL!).host]);
});

test('search loads Pagefind and its WebAssembly under the policy and finds a chapter', async ({
  page,
}) => {
  const csp = await watch(page);
  await page.goto(at('/chapters/'));
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the blueprint' });
  await dialog.getByRole('searchbox').fill('Iceberg');
  await expect(dialog.getByRole('status')).toContainText('for “Iceberg”', { timeout: 30_000 });
  await expect(
    dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first(),
  ).toBeVisible();
  expect(await csp.violations()).toEqual([]);
});

test('a chapter renders its diagrams, code and contents with no CSP violation, and the theme switch works', async ({
  page,
}) => {
  const csp = await watch(page);
  await page.goto(at('/data-storage/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Data storage' })).toBeVisible();
  await expect(page.locator('figure svg').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy to clipboard' }).first()).toBeAttached();
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'light');
  expect(await csp.violations()).toEqual([]);
});

/**
 * One page of every template. Whether each page's policy covers its inline code is checked
 * statically for all pages (scripts/audit/csp.ts); this checks what only a browser sees: code
 * that runs after load.
 */
const TEMPLATES = [
  '/',
  '/chapters/',
  '/data-storage/',
  '/configs/',
  '/configs/data-storage/',
  '/benchmarks/',
  '/benchmarks/file-formats/',
  '/well-architected/',
  '/well-architected/analytics/',
  '/404',
];

test('a page of every template loads with no CSP violation and nothing from another host', async ({
  page,
  baseURL,
}) => {
  const csp = await watch(page);
  const problems: string[] = [];
  const paths = TEMPLATES.filter((p) => listPagePaths().includes(p));
  expect(paths.length).toBeGreaterThanOrEqual(5);
  for (const path of paths) {
    await page.goto(at(path));
    await page.waitForLoadState('load');
    if (!(await policyOf(page))) problems.push(`${path}: no Content-Security-Policy`);
    // The list lives in the page, so it starts empty on each page; console errors accumulate.
    for (const v of await csp.violations()) problems.push(`${path}: ${v}`);
  }
  expect([...new Set(problems)]).toEqual([]);
  expect(csp.hosts()).toEqual([new URL(baseURL!).host]);
});

test('the policy is enforced: injected inline script does not run and is reported', async ({
  page,
}) => {
  const csp = await watch(page);
  await page.goto(at('/'));
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.head.append(s);
  });
  await expect
    .poll(async () =>
      (await csp.violations()).some((v) => v.startsWith('script-src-elem blocked inline')),
    )
    .toBe(true);
  expect(
    await page.evaluate(() => (window as unknown as { injected?: boolean }).injected),
  ).toBeUndefined();
});
