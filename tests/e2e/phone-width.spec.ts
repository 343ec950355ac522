// No page scrolls sideways on a 360 px phone: wide content (tables, code, charts) scrolls inside
// its own box instead of widening the page.
import { expect, test } from '@playwright/test';
import { listPagePaths } from './helpers.ts';

const PHONE = { width: 360, height: 780 };

test.use({ viewport: PHONE });

test('no built page is wider than a 360 px screen', async ({ page }) => {
  // One page after another in one tab: 49 pages, each loaded and measured once.
  test.slow();
  const wide: string[] = [];
  for (const path of listPagePaths()) {
    await page.goto(path);
    const found = await page.evaluate((limit) => {
      const width = document.documentElement.scrollWidth;
      if (width <= limit) return undefined;
      // Name the outermost elements that reach past the screen outside any box that scrolls or
      // clips, so a failure says what to fix.
      const clips = (e: Element) => getComputedStyle(e).overflowX !== 'visible';
      const escapes = (e: Element) => {
        if (e.getBoundingClientRect().right <= limit + 0.5) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
          if (clips(a) && a.getBoundingClientRect().right <= limit + 0.5) return false;
        return true;
      };
      const culprits = [...document.body.querySelectorAll('*')]
        .filter(
          (e) =>
            escapes(e) &&
            !(e.parentElement && e.parentElement !== document.body && escapes(e.parentElement)),
        )
        .slice(0, 3)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(e.getBoundingClientRect().right)})`,
        );
      return `${width} px: ${culprits.join(', ')}`;
    }, PHONE.width);
    if (found) wide.push(`${path} is ${found}`);
  }
  expect(wide).toEqual([]);
});
