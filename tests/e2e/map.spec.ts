// The home page map: every user action the map offers, by role and name.
import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  gotoWithTheme,
  recordMapHints,
  waitForMapToSettle,
} from './helpers.ts';

const nodeButton = (page: Page, name: RegExp) => page.getByRole('button', { name });

/**
 * Open the map and wait until the island has hydrated (nodes become buttons). A plain visit
 * hydrates when the reader starts to use the map: point at it, as a reader does. A shared view
 * (?node=, ?flow=, ?parts=) hydrates on load.
 */
async function openMap(page: Page, path = '/') {
  await page.goto(path);
  if (!path.includes('?')) await page.locator('.react-flow').hover();
  await expect(nodeButton(page, /^5 Data storage\b/)).toBeVisible({ timeout: 20_000 });
}

test.describe('before the reader uses it', () => {
  test('the map is server-rendered links, and loads no map code until pointed at', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const island = page.locator('astro-island');
    const component = new URL((await island.getAttribute('component-url'))!, page.url()).pathname;
    await expect(page.locator('a[data-intent-target]')).toHaveCount(17);
    await expect(page.locator('[data-hydrated]')).toHaveCount(0);
    expect(requested).not.toContain(component);

    await page.locator('.react-flow').hover();
    await expect(page.locator('[data-hydrated]')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.locator('button[data-node-button]')).toHaveCount(17);
    expect(requested).toContain(component);
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 360, height: 740 },
  ]) {
    test(`the whole server-rendered map fits its canvas, ${viewport.width} px wide`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const links = page.locator('a[data-intent-target]');
      await expect(links).toHaveCount(17);
      // The fit is CSS (container units in map.css), so it holds from first layout; poll while the page settles.
      await expect
        .poll(async () => {
          const boxes = await links.evaluateAll((els) =>
            els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
          );
          return boxes.filter(
            (b) =>
              b.left < canvas.x - 1 ||
              b.top < canvas.y - 1 ||
              b.right > canvas.x + canvas.width + 1 ||
              b.bottom > canvas.y + canvas.height + 1,
          ).length;
        })
        .toBe(0);
      await expect(page.locator('[data-hydrated]')).toHaveCount(0);
    });
  }

  test('a click that arrives while the map loads opens the summary instead of leaving the page', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('[data-hydrated]')).toHaveCount(0);
    // Playwright's click moves the pointer, presses and clicks within milliseconds: the click
    // lands on the server-rendered link while the island is still loading.
    await page.locator('a[data-intent-target="data-storage"]').click();
    await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page).toHaveURL(/\/\?node=data-storage$/);
  });

  test('a component reached by keyboard keeps focus as the map loads, and Enter opens it', async ({
    page,
  }) => {
    await page.goto('/');
    await page.locator('a[data-intent-target="etl-cluster"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'ETL cluster' })).toBeVisible({
      timeout: 20_000,
    });
    await page.keyboard.press('Escape');
    await expect(nodeButton(page, /^6 ETL cluster\b/)).toBeFocused();
  });
});

test('shows all 17 components in their parts, with zones and a legend', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('[data-node-button]')).toHaveCount(17);
  for (const zone of ['Landing', 'Bronze', 'Silver', 'Gold'])
    await expect(page.locator('.map-zone', { hasText: zone })).toBeVisible();
  await expect(page.locator('.map-part')).toHaveCount(8);
  await expect(page.locator('.react-flow__edge')).toHaveCount(18);
  for (const item of [
    'Batch data flow',
    'Streaming flow',
    'Zone promotion',
    'Queries and reads',
    'ML flows',
    'Cross-cutting component',
  ])
    await expect(page.locator('.map-legend').getByText(item)).toBeVisible();
});

test('clicking a component opens its summary with links, and Escape returns focus to it', async ({
  page,
}) => {
  await openMap(page);
  await nodeButton(
    page,
    /^4 Streaming ingestion\. Streaming ingestion & pre-processing\. Part A/,
  ).click();
  const panel = page.getByRole('dialog', { name: 'Streaming ingestion & pre-processing' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Read the chapter' })).toHaveAttribute(
    'href',
    '/stream-ingestion/',
  );
  await expect(panel.getByText('Apache Kafka', { exact: true })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Upstream' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Real-time analytics cluster' })).toBeVisible();
  await expect(page).toHaveURL(/\?node=stream-ingestion$/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(nodeButton(page, /^4 Streaming ingestion/)).toBeFocused();
});

test('a neighbour in the panel opens that component', async ({ page }) => {
  await openMap(page, '/?node=ml-serving');
  const panel = page.getByRole('dialog', { name: 'ML serving cluster' });
  await panel.getByRole('button', { name: /Experiment tracking/ }).click();
  await expect(page.getByRole('dialog', { name: /Experiment tracking/ })).toBeVisible();
  await expect(page).toHaveURL(/\?node=experiment-tracking$/);
});

test('works by keyboard alone: Enter opens, arrows follow flows', async ({ page }) => {
  await openMap(page);
  const batch = nodeButton(page, /^3 Batch ingestion\b/);
  await batch.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(nodeButton(page, /^1 Batch data/)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(batch).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(nodeButton(page, /^5 Data storage\b/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible();
});

test('a shared URL restores the selection, the flow and the filters', async ({ page }) => {
  await openMap(page, '/?node=security&flow=ml&step=2&parts=C,G');
  await expect(page.getByRole('dialog', { name: 'Security' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ML path: step 2 of 4' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'C ML platform' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: 'A Data ingestion' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('the back button steps back through selections', async ({ page }) => {
  await openMap(page);
  await nodeButton(page, /^6 ETL cluster\b/).click();
  await expect(page).toHaveURL(/node=etl-cluster/);
  await expect(page.getByRole('dialog', { name: 'ETL cluster' })).toBeVisible();
  await waitForMapToSettle(page);
  await nodeButton(page, /^7 Ad-hoc cluster\b/).click();
  await expect(page.getByRole('dialog', { name: 'Ad-hoc cluster' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog', { name: 'ETL cluster' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('following a flow narrates it step by step, forward and back', async ({ page }) => {
  await openMap(page);
  await page
    .getByRole('group', { name: 'Follow a flow' })
    .getByRole('button', { name: 'Batch path' })
    .click();
  await expect(page.getByRole('heading', { name: 'Batch path: step 1 of 7' })).toBeVisible();
  await page.getByRole('button', { name: 'Next step →' }).click();
  await page.getByRole('button', { name: 'Next step →' }).click();
  await expect(page.getByRole('heading', { name: 'Batch path: step 3 of 7' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Batch path: step 3 of 7' })
      .getByText(/land unchanged in the landing zone/),
  ).toBeVisible();
  await expect(page).toHaveURL(/flow=batch&step=3/);
  await expect(page.locator('.react-flow__node.is-lit')).toHaveCount(3);
  await page.getByRole('button', { name: '← Previous step' }).click();
  await expect(page.getByRole('heading', { name: 'Batch path: step 2 of 7' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop following' }).click();
  await expect(page.locator('.react-flow__node.is-lit')).toHaveCount(0);
});

test('filtering by part fades the other parts and is kept in the URL', async ({ page }) => {
  await openMap(page);
  await page.getByRole('button', { name: 'C ML platform' }).click();
  await expect(page).toHaveURL(/parts=C/);
  await expect(page.locator('.react-flow__node-component.is-filtered')).toHaveCount(14);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator('.react-flow__node-component.is-filtered')).toHaveCount(0);
});

test('hovering a component highlights its direct neighbours', async ({ page }) => {
  await openMap(page);
  await nodeButton(page, /^11 ML serving cluster\b/).hover();
  await expect(page.locator('.react-flow__node-component.is-near')).toHaveCount(2);
});

test.describe('map controls', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  const zoomOf = (page: Page) =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

  test('a plain wheel over the map scrolls the page and says how to zoom; Ctrl + wheel zooms', async ({
    page,
  }) => {
    await openMap(page);
    const before = await zoomOf(page);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const hintsShown = await recordMapHints(page);
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 40);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect
      .poll(hintsShown)
      .toContainEqual(expect.stringMatching(/hold Ctrl and scroll, or pinch/));
    expect(await zoomOf(page)).toBe(before);

    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });

  test('part filters are named, and choosing one visibly fades the components it leaves out', async ({
    page,
  }) => {
    await openMap(page);
    const filter = page.getByRole('group', { name: 'Filter by part' });
    for (const name of [
      'A Data ingestion',
      'B Data platform',
      'C ML platform',
      'D BI',
      'E Orchestration',
      'F Infrastructure',
      'G Security',
      'H Data quality & lineage',
    ])
      await expect(filter.getByRole('button', { name, exact: true })).toHaveText(name);
    await filter.getByRole('button', { name: 'A Data ingestion' }).click();
    const opacity = (id: string) =>
      page
        .locator(`.react-flow__node[data-id="${id}"]`)
        .evaluate((el) => Number(getComputedStyle(el).opacity));
    await expect.poll(() => opacity('ml-serving')).toBeLessThan(0.5);
    expect(await opacity('batch-ingestion')).toBe(1);
    // Left out means out of the keyboard's way too.
    expect(
      await page
        .locator('[data-node-button="ml-serving"]')
        .evaluate((el) => el.closest('[inert]') !== null),
    ).toBe(true);
  });

  for (const panel of [false, true]) {
    test(`the zoom buttons and minimap cover no component${panel ? ', with the panel open' : ''}`, async ({
      page,
    }) => {
      await openMap(page, panel ? '/?node=orchestration' : '/');
      const controls = page.locator('.react-flow__controls, .react-flow__minimap');
      const covers = async () => {
        const boxes = await controls.evaluateAll((els) =>
          els
            .filter((e) => e.checkVisibility())
            .map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
        );
        const nodes = await page.locator('.react-flow__node-component').evaluateAll((els) =>
          els.map((e) => ({
            id: e.getAttribute('data-id'),
            ...(e.getBoundingClientRect().toJSON() as DOMRect),
          })),
        );
        return nodes
          .filter((n) =>
            boxes.some(
              (b) => n.left < b.right && b.left < n.right && n.top < b.bottom && b.top < n.bottom,
            ),
          )
          .map((n) => n.id);
      };
      await expect(page.locator('.react-flow__controls')).toBeVisible();
      await expect.poll(covers).toEqual([]);
    });
  }

  test('every part label fits inside its region', async ({ page }) => {
    await openMap(page);
    const overruns = await page.locator('.map-part').evaluateAll((parts) =>
      parts
        .map((p) => {
          const region = p.getBoundingClientRect();
          const label = p.querySelector('.map-part-label')!;
          const text = [...label.querySelectorAll('*')].map((e) => e.getBoundingClientRect());
          const right = Math.max(...text.map((r) => r.right), label.getBoundingClientRect().right);
          return right > region.right ? label.textContent : undefined;
        })
        .filter(Boolean),
    );
    expect(overruns).toEqual([]);
    // The second line of a cross-cutting label stays above the first component in the part.
    const gap = await page.locator('.map-part[data-part="H"]').evaluate((p) => {
      const label = p.querySelector('.map-part-label')!.getBoundingClientRect();
      const node = document
        .querySelector('.react-flow__node[data-id="data-quality-lineage"]')!
        .getBoundingClientRect();
      return node.top - label.bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    await expect(page.locator('.map-part[data-part="E"]')).toContainText('Orchestration');
    await expect(page.locator('.map-part[data-part="E"]')).toContainText('cross-cutting');
  });

  test('a skip link passes the map, and the first component is a few Tab presses in, one stop each', async ({
    page,
  }) => {
    await openMap(page);
    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip past the map' });
    await expect(skip).toBeFocused();
    // The flow picker and the part filter are one Tab stop each (arrow keys move within them).
    let presses = 1;
    while (
      presses < 6 &&
      !(await page.evaluate(() => document.activeElement?.hasAttribute('data-node-button')))
    ) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(presses).toBeLessThanOrEqual(4);
    const first = await page.evaluate(() =>
      document.activeElement!.getAttribute('data-node-button'),
    );
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() =>
      document.activeElement!.closest('.react-flow__node')?.getAttribute('data-id'),
    );
    expect(second).not.toBe(first);
    expect(
      await page.evaluate(() => document.activeElement!.hasAttribute('data-node-button')),
    ).toBe(true);

    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#after-map')).toBeFocused();
  });

  test('arrow keys move along the part filter, which is one Tab stop', async ({ page }) => {
    await openMap(page);
    const filter = page.getByRole('group', { name: 'Filter by part' });
    await filter.getByRole('button', { name: 'A Data ingestion' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(filter.getByRole('button', { name: 'B Data platform' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(filter.getByRole('button', { name: 'H Data quality & lineage' })).toBeFocused();
    await expect(filter.locator('button[tabindex="0"]')).toHaveCount(1);
  });
});

test.describe('a walkthrough as a guided tour', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('numbers its steps, sets the current one apart, pans the map to it and sits beside the map', async ({
    page,
  }) => {
    await openMap(page);
    const canvas = page.locator('.react-flow');
    const before = (await canvas.boundingBox())!;
    await page
      .getByRole('group', { name: 'Follow a flow' })
      .getByRole('button', { name: 'Batch path' })
      .click();
    const heading = page.getByRole('heading', { name: 'Batch path: step 1 of 7' });
    await expect(heading).toBeFocused();
    // The step text is beside the map, not above it: the map stays where it was.
    const tour = page.getByRole('region', { name: /^Batch path: step/ });
    await expect.poll(async () => (await canvas.boundingBox())!.y).toBe(before.y);
    const card = (await tour.boundingBox())!;
    const map = (await canvas.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(map.x + map.width);
    await expect(tour.getByRole('listitem')).toHaveCount(7);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: 'Batch path: step 3 of 7' })).toBeVisible();
    const current = tour.locator('li[aria-current="step"]');
    await expect(current).toContainText('land unchanged in the landing zone');
    await expect(current).toBeInViewport();
    await expect(tour.getByText('Step 1, done:')).toHaveCount(1);
    await expect(tour.getByText('Step 2, done:')).toHaveCount(1);
    // On the map: every lit node numbered, the current step's node set apart from past ones.
    await expect(page.locator('.react-flow__node.is-current')).toHaveCount(1);
    await expect(
      page.locator('.react-flow__node.is-current[data-id="data-storage__landing"]'),
    ).toContainText('3');
    await expect(page.locator('.react-flow__node.is-past')).toHaveCount(2);
    await expect(
      page.locator('.react-flow__node[data-id="batch-sources"] .map-step-badge'),
    ).toHaveText('1');
    // The map has panned to the current step: its node is in the middle of the canvas.
    await expect
      .poll(async () => {
        const node = (await page
          .locator('.react-flow__node[data-id="data-storage__landing"]')
          .boundingBox())!;
        const c = (await canvas.boundingBox())!;
        return (
          Math.abs(node.x + node.width / 2 - (c.x + c.width / 2)) < c.width * 0.1 &&
          Math.abs(node.y + node.height / 2 - (c.y + c.height / 2)) < c.height * 0.1
        );
      })
      .toBe(true);

    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { name: 'Batch path: step 2 of 7' })).toBeVisible();
    await expect(page).toHaveURL(/flow=batch&step=2/);
    await page.keyboard.press('Escape');
    await expect(tour).toBeHidden();
    await expect(page.locator('.react-flow__node.is-lit')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Batch path' })).toBeFocused();
  });

  test('a shared walkthrough opens panned to its current step, on a phone too', async ({
    page,
  }) => {
    // On a phone the first fit to the whole map used to land after the pan and undo it.
    await page.setViewportSize({ width: 360, height: 780 });
    await openMap(page, '/?flow=batch&step=3');
    await expect(page.getByRole('heading', { name: 'Batch path: step 3 of 7' })).toBeVisible();
    const canvas = page.locator('.react-flow');
    await expect
      .poll(async () => {
        const node = (await page
          .locator('.react-flow__node[data-id="data-storage__landing"]')
          .boundingBox())!;
        const c = (await canvas.boundingBox())!;
        return (
          Math.abs(node.x + node.width / 2 - (c.x + c.width / 2)) < c.width * 0.1 &&
          Math.abs(node.y + node.height / 2 - (c.y + c.height / 2)) < c.height * 0.1
        );
      })
      .toBe(true);
  });

  test('starting a flow closes a panel the flow does not pass, and keeps one it does', async ({
    page,
  }) => {
    await openMap(page, '/?node=security');
    await expect(page.getByRole('dialog', { name: 'Security' })).toBeVisible();
    await page.getByRole('button', { name: 'Streaming path' }).click();
    await expect(page.getByRole('heading', { name: 'Streaming path: step 1 of 5' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await openMap(page, '/?node=stream-ingestion');
    await page.getByRole('button', { name: 'Streaming path' }).click();
    await expect(page.getByRole('heading', { name: 'Streaming path: step 1 of 5' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: /Streaming ingestion/ })).toBeVisible();
  });
});

test('zoom controls and a minimap are there', async ({ page }) => {
  await openMap(page);
  await expect(page.getByRole('button', { name: 'Zoom In' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fit View' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Overview of the whole map' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations with the panel open in ${theme}`, async ({ page }) => {
    test.slow();
    await gotoWithTheme(page, '/?node=data-storage&flow=batch&step=4', theme);
    await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible({
      timeout: 20_000,
    });
    await expectNoAxeViolations(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every component is a link to its chapter, and the outline tells the whole graph', async ({
    page,
  }) => {
    await page.goto('/');
    const links = page.locator('a.map-node-target');
    await expect(links).toHaveCount(17);
    await expect(
      page.getByRole('link', {
        name: /^5 Data storage\. Part B, Data platform\. .*Opens chapter\.$/,
      }),
    ).toHaveAttribute('href', '/data-storage/');
    // A chapter title that differs from the label follows it, without a stray space before the stop.
    await expect(
      page.getByRole('link', {
        name: /^1 Batch data\. Batch data \(sources\)\. Part A, Data ingestion\. /,
      }),
    ).toHaveAttribute('href', '/batch-sources/');
    const outline = page.getByRole('region', { name: 'The platform in outline' });
    await expect(outline.getByRole('link')).toHaveCount(17);
    await expect(
      outline.getByText('Batch ingestion writes raw extracts to Data storage (Landing).').first(),
    ).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(18);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test('zoom buttons are 44 px targets clear of every component, and there is no minimap', async ({
    page,
  }) => {
    await openMap(page);
    for (const name of ['Zoom In', 'Zoom Out', 'Fit View']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    await expect(page.locator('.react-flow__minimap')).toBeHidden();
    const controls = (await page.locator('.react-flow__controls').boundingBox())!;
    const nodes = await page
      .locator('.react-flow__node-component')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(
      nodes.filter(
        (n) =>
          n.left < controls.x + controls.width &&
          controls.x < n.right &&
          n.top < controls.y + controls.height &&
          controls.y < n.bottom,
      ),
    ).toEqual([]);
  });

  test('the outline is offered first and nothing overflows', async ({ page }) => {
    await openMap(page);
    await expect(
      page.getByRole('link', { name: 'On a small screen? Read the platform as an outline.' }),
    ).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await nodeButton(page, /^5 Data storage\b/).click();
    await expect(page.getByRole('dialog', { name: 'Data storage' })).toBeVisible();
  });
});
