// A chapter opened at a deep anchor (a shared heading link, the map panel's link to the readiness
// checklist) lands on that heading and stays there: no layout shift while the page loads. Sections
// skip rendering off screen (content-visibility: auto); opened at an anchor, they are laid out in
// full from the first frame (global.css), so nothing changes size when the browser jumps.
import { expect, test, type Page } from '@playwright/test';

/** Collect layout shifts from the start of the page's life (buffered), as CLS counts them. */
function observeShifts() {
  const w = window as unknown as { __shifts: { value: number; hadRecentInput: boolean }[] };
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
      w.__shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Wait until 30 frames in a row bring no layout shift (the page has settled), then sum the shifts CLS counts. */
async function settledShift(page: Page): Promise<number> {
  // Chromium scrolls to the anchor once the page has loaded.
  await page.waitForLoadState('load');
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const shifts = (
          window as unknown as { __shifts: { value: number; hadRecentInput: boolean }[] }
        ).__shifts;
        let seen = shifts.length;
        let quiet = 0;
        const frame = () => {
          quiet = shifts.length === seen ? quiet + 1 : 0;
          seen = shifts.length;
          if (quiet >= 30)
            resolve(shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0));
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

const TARGETS = [
  {
    path: '/adhoc-cluster/',
    anchor: 'production-readiness-checklist',
    heading: 'Production-readiness checklist',
    level: 2,
  },
  { path: '/adhoc-cluster/', anchor: 'sources', heading: 'Sources', level: 2 },
  {
    path: '/data-storage/',
    anchor: 'production-readiness-checklist',
    heading: 'Production-readiness checklist',
    level: 2,
  },
  { path: '/data-storage/', anchor: 'measured-evidence', heading: 'Measured evidence', level: 3 },
];

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 360, height: 780 },
]) {
  for (const { path, anchor, heading, level } of TARGETS) {
    test(`${path}#${anchor} at ${viewport.width} px opens at its heading with no layout shift`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(observeShifts);
      await page.goto(`${path}#${anchor}`);
      const cls = await settledShift(page);
      expect(cls).toBeLessThan(0.1);
      // Landed where the link points: the heading sits just under the sticky header (html's
      // scroll-padding-top), not pushed down or up by sections rendered after the jump.
      const target = page.getByRole('heading', { level, name: heading, exact: true });
      const top = await target.evaluate((el) => el.getBoundingClientRect().top);
      const header = await page
        .locator('.site-header')
        .evaluate((el) => el.getBoundingClientRect().height);
      expect(top).toBeGreaterThanOrEqual(header - 1);
      expect(top).toBeLessThanOrEqual(header + 40);
    });
  }
}
