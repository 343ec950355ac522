import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { listBuiltFiles, readBuiltSite as readBuild } from '../../src/lib/audit/built-site.ts';

export const DIST = process.env.OUT_DIR ?? 'dist';

/** URL paths of every HTML page in the build (404 included). */
export function listPagePaths(): string[] {
  return listBuiltFiles(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '').replace(/\.html$/, '')}`)
    .sort();
}

/** The build's files and the HTML of every page, for link checks (the audits' reader). */
export function readBuiltSite() {
  return readBuild(DIST);
}

/** The WCAG 2.2 A/AA rules and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe over the page, reporting violations only. Legacy mode runs axe.run() in the page itself:
 * the default mode opens a second page to merge per-frame results and ships every passing node
 * back, which made a chapter's run take 10 s instead of 2 s. The site has no iframes, which is
 * all legacy mode gives up.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
}

/**
 * Render everything the page skips with content-visibility: auto (chapter sections, a lens
 * matrix's pillars out of view), as a reader who scrolls through would. axe cannot judge colour
 * contrast inside a skipped subtree (it reports it as incomplete, not as a violation). One
 * constructed stylesheet: the page's CSP does not govern CSSOM, and no element is visited.
 */
export async function renderSkippedContent(page: Page) {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}

/** Fail with axe's violations (rule, impact, first targets) when a page has any. */
export async function expectNoAxeViolations(page: Page) {
  await renderSkippedContent(page);
  const results = await axe(page).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

/** Open a page with the stored theme set before any script runs. */
export async function gotoWithTheme(page: Page, path: string, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('bp-theme', t), theme);
  return page.goto(path);
}

/**
 * Start recording every text the map's hint (its status region) shows while opaque, and return
 * a function that reads what was recorded. The hints are shown for a moment by design; on a busy
 * machine more than that can pass before a visibility check, so tests assert what was shown
 * instead of racing the hint's timer.
 */
export async function recordMapHints(page: Page): Promise<() => Promise<string[]>> {
  await page.locator('.map-wheel-hint[role="status"]').evaluate((el) => {
    const seen: string[] = ((window as unknown as { hintsSeen: string[] }).hintsSeen = []);
    // Shown means the text is there and data-shown makes it opaque (map.css).
    const record = () =>
      el.textContent && el.hasAttribute('data-shown') && seen.push(el.textContent);
    new MutationObserver(record).observe(el, {
      attributes: true,
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { hintsSeen: string[] }).hintsSeen);
}

/**
 * Wait until the map's viewport transform reads the same twice, 300 ms apart. The map refits a
 * few frames after it hydrates and after the panel narrows the canvas; on a busy machine a test
 * can act or read the transform before that refit (a clean CI run once clicked beside Ad-hoc
 * cluster, another read the phone map's transform before its first fit ended).
 */
export async function waitForMapToSettle(page: Page) {
  const viewport = page.locator('.react-flow__viewport');
  await waitUntilSteady(() => viewport.evaluate((el) => getComputedStyle(el).transform), 300);
}

/** Poll `read` until it returns the same value twice, `ms` apart; resolves to that value. */
export async function waitUntilSteady<T>(read: () => Promise<T>, ms: number): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        const now = await read();
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [ms] },
    )
    .toBe(true);
  return last!;
}
