// The Well-Architected pages (an overview and a matrix per lens) and each chapter's Well-Architected
// section: reading a matrix, filtering it by pillar, following a column to its chapter, the open
// lists, phone and no-JS.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseChapter } from '../../src/lib/chapter/parse-chapter.ts';
import { addGraphFacts } from '../../src/lib/chapter/graph-facts.ts';
import { parseGraph } from '../../src/lib/graph/validate-graph.ts';
import { buildCoverageMatrix, groupOpenPractices } from '../../src/lib/lens/coverage.ts';
import { describeOpenGroup } from '../../src/lib/lens/filter.ts';
import {
  COVERAGE_NOTES_FILE,
  orderLenses,
  parseCoverageNotes,
  parseLensCatalogue,
} from '../../src/lib/lens/parse-catalogue.ts';
import { LENS_IDS } from '../../src/lib/lens/schema.ts';
import { STATUS_DISPLAY } from '../../src/lib/lens/status.ts';
import { bestPracticeAnchor } from '../../src/lib/lens/catalogue-index.ts';

// Expected content comes from the same data files the build reads, so the spec follows the chapters.
const lenses = orderLenses(
  LENS_IDS.map((id) =>
    parseLensCatalogue(
      readFileSync(`content/lenses/${id}.yaml`, 'utf8'),
      `content/lenses/${id}.yaml`,
    ),
  ),
);
const chapters = addGraphFacts(
  parseGraph(readFileSync('diagram/graph.yaml', 'utf8')),
  readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({
      id: basename(f, '.mdx'),
      ...parseChapter(readFileSync(`content/chapters/${f}`, 'utf8'), f),
    })),
);
const matrix = buildCoverageMatrix(
  lenses,
  chapters,
  parseCoverageNotes(readFileSync(COVERAGE_NOTES_FILE, 'utf8')),
);
const countOf = (lens: string, pillar?: string) =>
  matrix.lenses
    .find((l) => l.lens.id === lens)!
    .pillars.filter((p) => !pillar || p.id === pillar)
    .reduce((n, p) => n + p.totals.total, 0);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A lens's matrix: one scrolling box of tables, one table per pillar.
const matrixBox = (page: Page, title: string) =>
  page.getByRole('region', { name: `${title}: best practices by component` });
const bpRow = (page: Page, title: string, id: string) =>
  matrixBox(page, title).getByRole('row', { name: new RegExp(`^${escape(id)} `) });

const lensPath = (id: string) => `/well-architected/${id}/`;
const lensOf = (id: string) => matrix.lenses.find((l) => l.lens.id === id)!;

test('the header leads to the overview, which sums up each lens and links to its matrix', async ({
  page,
}) => {
  await page.goto('/chapters/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Well-Architected' })
    .click();
  await expect(page).toHaveURL(/\/well-architected\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Well-Architected coverage' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Well-Architected' }),
  ).toHaveAttribute('aria-current', 'page');

  for (const { lens, totals } of matrix.lenses) {
    const card = page.getByRole('region', { name: lens.title });
    await expect(card).toContainText(
      `${totals.total} best practices: ${totals.addressed} addressed, ${totals.partial} partly, ${totals.notAddressed} not addressed, ${totals.outOfScope} out of scope.`,
    );
    await expect(card.getByRole('link', { name: 'The matrix' })).toHaveAttribute(
      'href',
      lensPath(lens.id),
    );
  }
  const totals = page.getByRole('table', {
    name: 'Best practices per lens and pillar by coverage',
  });
  const ml = lensOf('machine-learning');
  await expect(
    totals.getByRole('row', { name: new RegExp(`^${escape(ml.lens.title)} `) }),
  ).toContainText(String(ml.totals.total));

  // A pillar in the totals opens the lens page filtered to it.
  await totals
    .getByRole('row', { name: new RegExp(`^${ml.lens.shortTitle} · Security`) })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/\/well-architected\/machine-learning\/\?pillar=security$/);
  await expect(page.getByRole('combobox', { name: 'Pillar' })).toHaveValue('security');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Well-Architected' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('a link to the one-page matrix that came before (?lens=, ?pillar=) opens the lens page', async ({
  page,
}) => {
  await page.goto('/well-architected/?lens=financial-services&pillar=reliability');
  await expect(page).toHaveURL(/\/well-architected\/financial-services\/\?pillar=reliability$/);
  await expect(page.getByRole('combobox', { name: 'Pillar' })).toHaveValue('reliability');
});

test('each lens page sets every best practice of its lens against the 17 components, a table per pillar', async ({
  page,
}) => {
  for (const { lens, pillars } of matrix.lenses) {
    await page.goto(lensPath(lens.id));
    await expect(
      page.getByRole('heading', { level: 1, name: `${lens.title} coverage` }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Well-Architected lenses' })
        .getByRole('link', { name: lens.title, exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    const box = matrixBox(page, lens.title);
    await expect(box.getByRole('table')).toHaveCount(pillars.length);
    for (const pillar of pillars) {
      const t = box.getByRole('table', {
        name: `${lens.title}: ${pillar.title} · ${pillar.totals.addressed} of ${pillar.totals.total} addressed, ${pillar.totals.partial} partly`,
      });
      await expect(t.getByRole('columnheader')).toHaveCount(2 + 17);
    }
    await expect(
      box.getByRole('rowheader', { name: new RegExp(lens.idFormat.pattern.replace(/\$$/, ' ')) }),
    ).toHaveCount(countOf(lens.id));
  }
  await page.goto(lensPath('analytics'));
  await expect(
    page.getByText(
      "(the header links to the component's mappings). Overall is the strongest mark in the row, or our note's verdict where no component answers it.",
    ),
  ).toBeVisible();
  const analytics = matrixBox(page, 'Data Analytics Lens');
  await expect(analytics.getByRole('columnheader', { name: 'Overall' }).first()).toBeVisible();
  const batch = matrix.components.find((c) => c.id === 'batch-ingestion')!;
  await expect(analytics.getByRole('link', { name: `3 ${batch.title}` }).first()).toHaveAttribute(
    'href',
    '/batch-ingestion/#well-architected',
  );
  await expect(analytics.getByRole('link', { name: 'BP 7.3', exact: true })).toHaveAttribute(
    'href',
    /^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/latest\/analytics-lens\//,
  );
});

test('each mapping shows in its component column as words, not colour alone', async ({ page }) => {
  await page.goto(lensPath('analytics'));
  const chapter = chapters.find((c) => c.id === 'data-quality-lineage')!;
  const column = matrix.components.findIndex((c) => c.id === chapter.id);
  for (const ref of chapter.data.lenses.filter((r) => r.lens === 'analytics').slice(0, 3)) {
    const row = bpRow(page, 'Data Analytics Lens', ref.id);
    // Cells: Overall first, then one per component in number order.
    await expect(row.getByRole('cell').nth(1 + column)).toHaveText(
      new RegExp(STATUS_DISPLAY[ref.status].label),
    );
  }
  const rows = matrix.lenses.flatMap((l) =>
    l.pillars.flatMap((p) =>
      p.questions.flatMap((q) => q.rows.map((r) => ({ lens: l.lens, ...r }))),
    ),
  );
  const untouched = rows.find(
    (r) => r.lens.id === 'analytics' && r.best !== 'none' && r.cells[column] === null,
  )!;
  await expect(
    bpRow(page, 'Data Analytics Lens', untouched.bestPractice.id)
      .getByRole('cell')
      .nth(1 + column),
  ).toHaveText('');
  // A best practice no component maps gets one cell saying so, beside our note's verdict.
  for (const best of ['not-addressed', 'out-of-scope'] as const) {
    const unmapped = rows.find((r) => r.best === best && r.cells.every((c) => !c))!;
    await page.goto(lensPath(unmapped.lens.id));
    const unmappedRow = bpRow(page, unmapped.lens.title, unmapped.bestPractice.id);
    await expect(unmappedRow.getByRole('cell')).toHaveText([
      new RegExp(`^${STATUS_DISPLAY[best].label}`),
      best === 'out-of-scope' ? 'no component: out of scope' : 'no component',
    ]);
  }
});

test("a column header leads to the component's Well-Architected section, grouped by lens and pillar", async ({
  page,
}) => {
  await page.goto(lensPath('analytics'));
  const column = matrix.components.find((c) => c.id === 'data-quality-lineage')!;
  await matrixBox(page, 'Data Analytics Lens')
    .getByRole('link', { name: `${column.number} ${column.title}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/data-quality-lineage\/#well-architected$/);
  const heading = page.getByRole('heading', { level: 2, name: 'Well-Architected' });
  await expect(heading).toBeInViewport();
  await expect(heading).toHaveAttribute('id', 'well-architected');
  const section = page.getByRole('region', { name: 'Well-Architected' });
  await expect(
    section.getByRole('heading', { level: 3, name: 'Data Analytics Lens' }),
  ).toBeVisible();
  await expect(
    section.getByRole('heading', { level: 4, name: 'Reliability' }).first(),
  ).toBeVisible();
  const ref = chapters
    .find((c) => c.id === 'data-quality-lineage')!
    .data.lenses.find((r) => r.lens === 'analytics')!;
  const link = section.getByRole('link', { name: new RegExp(`^${escape(ref.id)} `) });
  await expect(link).toHaveAttribute('href', /^https:\/\/docs\.aws\.amazon\.com\//);
  await expect(section.getByText(ref.how)).toBeVisible();
  await expect(
    section.getByRole('link', { name: 'all components on this lens' }).first(),
  ).toHaveAttribute('href', lensPath('analytics'));
});

test('the pillar filter narrows a lens page, counts what is shown and keeps the choice in the URL', async ({
  page,
}) => {
  await page.goto(lensPath('machine-learning'));
  const pillar = page.getByRole('combobox', { name: 'Pillar' });
  const status = page.getByRole('status');
  const box = matrixBox(page, 'Machine Learning Lens');
  await expect(status).toHaveText(
    `Showing ${countOf('machine-learning')} best practices: all pillars.`,
  );

  await pillar.selectOption({ label: 'Security' });
  await expect(page).toHaveURL(/\/machine-learning\/\?pillar=security$/);
  await expect(status).toHaveText(
    `Showing ${countOf('machine-learning', 'security')} best practices: the Security pillar.`,
  );
  await expect(bpRow(page, 'Machine Learning Lens', 'MLSEC03-BP01')).toBeVisible();
  await expect(bpRow(page, 'Machine Learning Lens', 'MLOPS01-BP01')).toBeHidden();
  await expect(box.getByRole('table')).toHaveCount(1);

  // A shared link opens the same view.
  await page.reload();
  await expect(pillar).toHaveValue('security');
  await expect(bpRow(page, 'Machine Learning Lens', 'MLOPS01-BP01')).toBeHidden();

  await pillar.selectOption({ label: 'All pillars' });
  await expect(page).toHaveURL(/\/machine-learning\/$/);
  await expect(box.getByRole('table')).toHaveCount(lensOf('machine-learning').pillars.length);
});

test('the practices no component addresses are listed, with our notes, and the matrix links to them', async ({
  page,
}) => {
  await page.goto(lensPath('analytics'));
  const section = page.getByRole('region', { name: 'Not addressed yet' });
  await expect(section.getByRole('heading', { level: 2, name: 'Not addressed yet' })).toBeVisible();
  const noted = matrix.uncovered.find((u) => u.lens === 'analytics' && u.note)!;
  const item = section.getByRole('listitem').filter({
    has: page.getByRole('link', { name: new RegExp(`^${escape(noted.bestPractice.id)} `) }),
  });
  await expect(item).toContainText(noted.note!.note.slice(0, 40));
  await expect(section.getByRole('link', { name: /^BP / })).toHaveCount(
    matrix.uncovered.filter((u) => u.lens === 'analytics').length,
  );

  // By keyboard: scrolling the link into view can leave it under the sticky first column.
  await bpRow(page, 'Data Analytics Lens', noted.bestPractice.id)
    .getByRole('link', { name: /see note/ })
    .press('Enter');
  await expect(page).toHaveURL(
    new RegExp(`#${bestPracticeAnchor('analytics', noted.bestPractice.id)}$`),
  );
  await expect(item).toBeInViewport();
});

test('long open lists start folded; a click, a link to an item or the filter open or count them', async ({
  page,
}) => {
  const [folded] = groupOpenPractices(lenses, matrix.uncovered).filter((g) => g.folded);
  await page.goto(lensPath(folded!.lens.id));
  const section = page.getByRole('region', { name: 'Not addressed yet' });
  const first = folded!.pillars[0]!.items[0]!;
  const firstLink = section.getByRole('link', {
    name: new RegExp(`^${escape(first.bestPractice.id)} `),
  });
  await expect(firstLink).toBeHidden();
  await section
    .getByText(describeOpenGroup(folded!.count, folded!.required), { exact: true })
    .click();
  await expect(firstLink).toBeVisible();

  // A link to an item in a folded list opens it: Chrome does so on navigation, the page's script
  // for the browsers that do not (a fragment change without a navigation, as here).
  await page.reload();
  const last = folded!.pillars.at(-1)!.items.at(-1)!;
  await page.evaluate(
    (id) => {
      history.replaceState(null, '', `#${id}`);
      dispatchEvent(new HashChangeEvent('hashchange'));
    },
    bestPracticeAnchor(last.lens, last.bestPractice.id),
  );
  const lastItem = section.getByRole('listitem').filter({
    has: page.getByRole('link', { name: new RegExp(`^${escape(last.bestPractice.id)} `) }),
  });
  await expect(lastItem).toBeVisible();
  await expect(lastItem).toBeInViewport();

  // Filtered to one pillar, the summary counts what is left in the list.
  const pillar = folded!.pillars.at(-1)!;
  await page.getByRole('combobox', { name: 'Pillar' }).selectOption(pillar.id);
  const required = pillar.items.filter((i) => i.bestPractice.priority === 'required').length;
  await expect(
    section.getByText(describeOpenGroup(pillar.items.length, required), { exact: true }),
  ).toBeVisible();
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the matrix scrolls inside its own box with the best-practice column kept in view', async ({
    page,
  }) => {
    await page.goto(lensPath('analytics'));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const box = matrixBox(page, 'Data Analytics Lens');
    await box.scrollIntoViewIfNeeded();
    const rowHeader = bpRow(page, 'Data Analytics Lens', 'BP 1.1').getByRole('rowheader');
    const storage = matrix.components.find((c) => c.id === 'data-storage')!;
    const component = box.getByRole('columnheader', { name: `5 ${storage.title}` }).first();
    const before = {
      header: (await rowHeader.boundingBox())!.x,
      column: (await component.boundingBox())!.x,
    };
    await box.evaluate((el) => el.scrollBy({ left: 300 }));
    await expect
      .poll(async () => (await component.boundingBox())!.x)
      .toBeLessThan(before.column - 200);
    expect((await rowHeader.boundingBox())!.x).toBe(before.header);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every matrix reads, and the filter that needs JavaScript stays out of the way', async ({
    page,
  }) => {
    for (const { lens } of matrix.lenses) {
      await page.goto(lensPath(lens.id));
      await expect(matrixBox(page, lens.title).getByRole('table').first()).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Pillar' })).toBeHidden();
    }
    await page.goto('/well-architected/');
    await expect(page.getByRole('region', { name: 'Totals per pillar' })).toBeVisible();
  });
});
