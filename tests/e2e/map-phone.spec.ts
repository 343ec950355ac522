// The home page map on a portrait phone: its own layout, a walkthrough under the map, touch that
// leaves the page scrollable, and axe with part filters on, on a phone and a desktop.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  gotoWithTheme,
  recordMapHints,
  waitForMapToSettle,
  waitUntilSteady,
} from './helpers.ts';

const PHONE = { viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true };
const nodeButton = (page: Page, name: RegExp) => page.getByRole('button', { name });

/** Boxes of every component on screen, by id. */
const componentBoxes = (page: Page) =>
  page.locator('.react-flow__node-component').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-id')!,
      ...(e.getBoundingClientRect().toJSON() as DOMRect),
    })),
  );

/** Each component label's size as drawn, in CSS px: its font size times the scale the map draws it at. */
const drawnLabelSizes = (page: Page) =>
  page.locator('.react-flow__node-component').evaluateAll((els) =>
    els.map((node) => {
      const label = node.querySelector('.map-node-target')!;
      const scale = node.getBoundingClientRect().width / (node as HTMLElement).offsetWidth;
      return {
        id: node.getAttribute('data-id')!,
        px: Math.round(parseFloat(getComputedStyle(label).fontSize) * scale * 10) / 10,
      };
    }),
  );

const transformOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);

/** Hydrate the island with a tap on the empty band above the map, as a reader touching it does. */
/** Scroll the map's top onto the screen, as a reader does before touching it: below the toolbar it can start under the fold. */
async function bringMapOnScreen(page: Page) {
  await page
    .locator('.react-flow')
    .evaluate((el) => scrollBy(0, Math.max(0, el.getBoundingClientRect().top + 100 - innerHeight)));
}

async function touchToHydrate(page: Page) {
  await bringMapOnScreen(page);
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  await page.touchscreen.tap(canvas.x + 20, canvas.y + 20);
  await expect(page.locator('[data-hydrated]')).toHaveCount(1, { timeout: 20_000 });
}

/** Whether `inner` lies inside `outer`, to a pixel. */
const inside = (
  inner: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number },
) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

/** A one- or two-finger drag through the browser's own touch input (CDP), so the page scrolls as it would on a phone. */
async function drag(page: Page, from: { x: number; y: number }[], by: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => from.map((p, id) => ({ x: p.x + by.x * t, y: p.y + by.y * t, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step <= 10; step++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step / 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test.describe('on a 360 px phone', () => {
  test.use(PHONE);

  test('the map opens in its portrait layout: every component readable, a finger-sized target, and inside the screen', async ({
    page,
  }) => {
    await page.goto('/');
    const canvas = page.locator('.react-flow');
    const check = async (when: string) => {
      const frame = (await canvas.boundingBox())!;
      expect(frame.x, when).toBeGreaterThanOrEqual(0);
      expect(frame.x + frame.width, when).toBeLessThanOrEqual(360);
      const boxes = await componentBoxes(page);
      expect(boxes, when).toHaveLength(17);
      expect(
        boxes
          .filter((b) => !inside({ x: b.x, y: b.y, width: b.width, height: b.height }, frame))
          .map((b) => b.id),
        `${when}: outside the canvas`,
      ).toEqual([]);
      expect(
        boxes.filter((b) => b.width < 44 || b.height < 44).map((b) => b.id),
        `${when}: smaller than 44 px`,
      ).toEqual([]);
      const small = (await drawnLabelSizes(page)).filter((l) => l.px < 12);
      expect(small, `${when}: labels under 12 px`).toEqual([]);
      return boxes;
    };
    // Before the island loads (the server render, placed by map.css) and after: the same places.
    await expect(page.locator('[data-hydrated]')).toHaveCount(0);
    await bringMapOnScreen(page);
    const before = await check('before hydration');
    await touchToHydrate(page);
    await expect(page.locator('.react-flow__minimap')).toBeHidden();
    await expect
      .poll(async () => {
        const after = await componentBoxes(page);
        return after
          .filter((a) => {
            const b = before.find((x) => x.id === a.id)!;
            return (
              Math.abs(a.x - b.x) > 1 || Math.abs(a.y - b.y) > 1 || Math.abs(a.width - b.width) > 1
            );
          })
          .map((a) => a.id);
      })
      .toEqual([]);
    await check('after hydration');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  test('parts run top to bottom in letter order, and every part label fits its region', async ({
    page,
  }) => {
    await page.goto('/');
    await touchToHydrate(page);
    const parts = await page.locator('.map-part').evaluateAll((els) =>
      els.map((p) => {
        const region = p.getBoundingClientRect();
        const text = [...p.querySelectorAll('.map-part-label *')].map(
          (e) => e.getBoundingClientRect().right,
        );
        return {
          part: p.getAttribute('data-part')!,
          top: region.top,
          overruns: Math.max(...text) > region.right + 0.5,
        };
      }),
    );
    expect(parts.filter((p) => p.overruns).map((p) => p.part)).toEqual([]);
    const tops = parts.map((p) => p.top);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  test('a walkthrough puts its step text under the map, both on screen, and pans the map to each step', async ({
    page,
  }) => {
    await page.goto('/');
    await touchToHydrate(page);
    await page
      .getByRole('group', { name: 'Follow a flow' })
      .getByRole('button', { name: 'Batch path' })
      .tap();
    await expect(page.getByRole('heading', { name: 'Batch path: step 1 of 7' })).toBeVisible();
    const tour = page.getByRole('region', { name: /^Batch path: step/ });
    const canvas = page.locator('.react-flow');
    const onScreen = async (step: number, nodeId: string) => {
      const heading = page.getByRole('heading', { name: `Batch path: step ${step} of 7` });
      const current = tour.locator('li[aria-current="step"]');
      const next = page.getByRole('button', { name: 'Next step →' });
      for (const part of [heading, current, next]) await expect(part).toBeInViewport({ ratio: 1 });
      await expect(canvas).toBeInViewport({ ratio: 0.95 });
      const map = (await canvas.boundingBox())!;
      // Under the map, not over it.
      for (const part of [heading, current, next])
        expect((await part.boundingBox())!.y).toBeGreaterThanOrEqual(map.y + map.height);
      // The step's component is in the part of the map on screen.
      await expect
        .poll(async () =>
          inside(
            (await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox())!,
            map,
          ),
        )
        .toBe(true);
    };
    await onScreen(1, 'batch-sources');
    await page.getByRole('button', { name: 'Next step →' }).tap();
    await page.getByRole('button', { name: 'Next step →' }).tap();
    await onScreen(3, 'data-storage__landing');
  });

  test('one finger scrolls the page over the map and says how to move it; two fingers move the map', async ({
    page,
  }) => {
    await page.goto('/');
    await touchToHydrate(page);
    // Bring the map's top to the top of the screen, so both drags start on it.
    const top = await page
      .locator('.react-flow')
      .evaluate((el) => el.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => scrollTo(0, y - 60), top);
    // The first fit after hydration can still be moving the map; a one-finger drag must not.
    await waitForMapToSettle(page);
    const before = await transformOf(page);
    const start = await page.evaluate(() => scrollY);
    const hintsShown = await recordMapHints(page);
    await drag(page, [{ x: 180, y: 600 }], { x: 0, y: -300 });
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(start + 100);
    expect(await transformOf(page)).toBe(before);
    await expect.poll(hintsShown).toContain('To move the map, use two fingers.');

    // The one-finger drag may leave the page scrolling on for a few frames: read where it stops.
    const scrolled = await waitUntilSteady(() => page.evaluate(() => scrollY), 200);
    await drag(
      page,
      [
        { x: 100, y: 400 },
        { x: 220, y: 400 },
      ],
      { x: 60, y: 40 },
    );
    await expect.poll(() => transformOf(page)).not.toBe(before);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  test('a tap anywhere on a component opens its summary, not only on its title', async ({
    page,
  }) => {
    await page.goto('/');
    await touchToHydrate(page);
    await nodeButton(page, /^10 Feature store\b/).tap();
    await expect(page.getByRole('dialog', { name: /Feature store/ })).toBeVisible();
    // Data storage's title row is under 44 px tall on a phone; its technologies line is part of the target.
    const storage = page.locator('.react-flow__node[data-id="data-storage"]');
    await storage.scrollIntoViewIfNeeded();
    const box = (await storage.boundingBox())!;
    const title = (await nodeButton(page, /^5 Data storage\b/).boundingBox())!;
    expect(title.height).toBeLessThan(44);
    await page.touchscreen.tap(box.x + box.width - 20, title.y + title.height + 8);
    await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible();
  });
});

test.describe('on a 360 px phone, by keyboard', () => {
  test.use(PHONE);
  test("a walkthrough's step buttons come right after the map in Tab order", async ({ page }) => {
    await page.goto('/');
    await touchToHydrate(page);
    await page
      .getByRole('group', { name: 'Follow a flow' })
      .getByRole('button', { name: 'Batch path' })
      .press('Enter');
    await expect(page.getByRole('heading', { name: 'Batch path: step 1 of 7' })).toBeFocused();
    // From the map's last component, Tab passes the zoom buttons and reaches the step controls.
    await page.locator('button[data-node-button]').last().focus();
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute('aria-label') ||
            document.activeElement?.textContent?.trim() ||
            '',
        ),
      );
      if (reached.at(-1) === 'Next step →') break;
    }
    expect(reached.at(-1), reached.join(' | ')).toBe('Next step →');
    expect(reached.length, reached.join(' | ')).toBeLessThanOrEqual(4);
  });
});

test.describe('on a 768 px portrait tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  test('the map uses the portrait drawing: names readable, every component inside the canvas, nothing wider than the screen', async ({
    page,
  }) => {
    await page.goto('/');
    await touchToHydrate(page);
    const frame = (await page.locator('.react-flow').boundingBox())!;
    const boxes = await componentBoxes(page);
    expect(boxes).toHaveLength(17);
    expect(boxes.filter((b) => !inside(b, frame)).map((b) => b.id)).toEqual([]);
    expect(boxes.filter((b) => b.width < 44 || b.height < 44).map((b) => b.id)).toEqual([]);
    expect((await drawnLabelSizes(page)).filter((l) => l.px < 12)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});

test.describe('axe with part filters on', () => {
  for (const [device, use] of [
    ['desktop', { viewport: { width: 1440, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test.describe(`${device}, ${theme}`, () => {
        test.use(use);
        test(`no violations with ?parts=A,C, ${device}, ${theme}`, async ({ page }) => {
          test.slow();
          await gotoWithTheme(page, '/?parts=A,C', theme);
          const filtered: Locator = page.locator('.react-flow__node-component.is-filtered');
          await expect(filtered).toHaveCount(10, { timeout: 20_000 });
          await expectNoAxeViolations(page);
        });
      });
    }
  }
});
