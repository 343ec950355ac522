import { describe, expect, test } from 'vitest';
import {
  buildCoverageMatrix,
  countCoverage,
  describeTotals,
  groupOpenPractices,
  OPEN_GROUP_FOLD_OVER,
  type UncoveredPractice,
} from '../../../src/lib/lens/coverage.ts';
import { groupLensMappings } from '../../../src/lib/lens/chapter-mappings.ts';
import { summariseLensCoverage } from '../../../src/lib/lens/map-coverage.ts';
import { routes } from '../../../src/lib/site/routes.ts';
import {
  countBestPractices,
  describeOpenGroup,
  formatPillarFilter,
  lensPageFor,
  matchesPillarFilter,
  parsePillarFilter,
} from '../../../src/lib/lens/filter.ts';
import { isCovered, noteLabel, strongestStatus, verdict } from '../../../src/lib/lens/status.ts';
import { bestPracticeAnchor } from '../../../src/lib/lens/catalogue-index.ts';
import { chapter, lens } from './helpers.ts';

const analytics = lens('analytics', [
  ['operational-excellence', '1', ['BP 1.1', 'BP 1.2']],
  ['security', '3', ['BP 3.1', 'BP 3.2']],
  ['security', '4', ['BP 4.1']],
]);
const ml = lens('machine-learning', [['reliability', 'MLREL05', ['MLREL05-BP01', 'MLREL05-BP02']]]);
const catalogues = [analytics, ml];

describe('buildCoverageMatrix', () => {
  const chapters = [
    chapter('serving', 11, [
      { lens: 'machine-learning', id: 'MLREL05-BP01', status: 'addressed' },
      { lens: 'analytics', id: 'BP 1.2', status: 'partial' },
    ]),
    chapter('sources', 1, [
      { lens: 'analytics', id: 'BP 1.1', status: 'addressed' },
      { lens: 'analytics', id: 'BP 1.2', status: 'addressed' },
      { lens: 'analytics', id: 'BP 3.1', status: 'not-addressed' },
      { lens: 'analytics', id: 'BP 9.9', status: 'addressed' },
    ]),
    chapter('security', 15, [
      { lens: 'analytics', id: 'BP 3.2', status: 'partial', how: 'Masks in Trino.' },
    ]),
  ];
  const matrix = buildCoverageMatrix(catalogues, chapters, {
    lenses: { analytics: 'Our view.' },
    notes: [
      { lens: 'analytics', id: 'BP 4.1', kind: 'gap', note: 'No owner workflow.' },
      {
        lens: 'machine-learning',
        id: 'MLREL05-BP02',
        kind: 'out-of-scope',
        note: 'A team practice.',
      },
    ],
  });
  const rows = (lensIndex: number) =>
    matrix.lenses[lensIndex]!.pillars.flatMap((p) => p.questions.flatMap((q) => q.rows));

  test('orders component columns by component number', () => {
    expect(matrix.components.map((c) => `${c.number} ${c.id}`)).toEqual([
      '1 sources',
      '11 serving',
      '15 security',
    ]);
  });

  test('puts each chapter status and how in its column, and empty cells elsewhere', () => {
    const bp32 = rows(0).find((r) => r.bestPractice.id === 'BP 3.2')!;
    expect(bp32.cells).toEqual([null, null, { status: 'partial', how: 'Masks in Trino.' }]);
  });

  test('rates each row by the strongest status any component gives it, else by our note', () => {
    expect(rows(0).map((r) => [r.bestPractice.id, r.best])).toEqual([
      ['BP 1.1', 'addressed'],
      ['BP 1.2', 'addressed'],
      ['BP 3.1', 'not-addressed'],
      ['BP 3.2', 'partial'],
      ['BP 4.1', 'not-addressed'],
    ]);
    expect(rows(1).map((r) => [r.bestPractice.id, r.best])).toEqual([
      ['MLREL05-BP01', 'addressed'],
      ['MLREL05-BP02', 'out-of-scope'],
    ]);
  });

  test('totals each pillar and lens by verdict, not-addressed and out-of-scope apart', () => {
    expect(matrix.lenses[0]!.pillars.map((p) => [p.id, p.totals])).toEqual([
      [
        'operational-excellence',
        { total: 2, addressed: 2, partial: 0, notAddressed: 0, outOfScope: 0, none: 0 },
      ],
      ['security', { total: 3, addressed: 0, partial: 1, notAddressed: 2, outOfScope: 0, none: 0 }],
    ]);
    expect(matrix.lenses[1]!.totals).toEqual({
      total: 2,
      addressed: 1,
      partial: 0,
      notAddressed: 0,
      outOfScope: 1,
      none: 0,
    });
  });

  test('lists what no component covers, what is only partly covered and what is out of scope, with our notes', () => {
    expect(matrix.uncovered.map((u) => [u.lens, u.bestPractice.id, u.best, u.note?.note])).toEqual([
      ['analytics', 'BP 3.1', 'not-addressed', undefined],
      ['analytics', 'BP 4.1', 'not-addressed', 'No owner workflow.'],
    ]);
    expect(matrix.partlyCovered.map((u) => u.bestPractice.id)).toEqual(['BP 3.2']);
    expect(matrix.outOfScope.map((u) => [u.bestPractice.id, u.best, u.note?.note])).toEqual([
      ['MLREL05-BP02', 'out-of-scope', 'A team practice.'],
    ]);
    expect(matrix.lenses[0]!.summary).toBe('Our view.');
  });

  test('ignores references to ids the catalogue does not have (the build reports them)', () => {
    expect(rows(0).map((r) => r.bestPractice.id)).not.toContain('BP 9.9');
  });

  test('groups open practices by lens and pillar, leaving out empty groups', () => {
    const groups = groupOpenPractices(catalogues, matrix.uncovered);
    expect(groups.map((g) => [g.lens.id, g.pillars.map((p) => [p.title, p.items.length])])).toEqual(
      [['analytics', [['Security', 2]]]],
    );
    expect(groups.map((g) => [g.count, g.required, g.folded])).toEqual([[2, 0, false]]);
  });

  test('folds a group once it is longer than the fold limit, and counts what AWS requires', () => {
    const open = (n: number, required: number): UncoveredPractice[] =>
      Array.from({ length: n }, (_, i) => ({
        lens: 'machine-learning',
        pillar: 'reliability',
        questionId: 'MLREL05',
        best: 'none',
        bestPractice: {
          id: `MLREL05-BP${i}`,
          title: `Practice ${i}`,
          summary: `What practice ${i} asks, in our words.`,
          url: 'https://example.org/bp.html',
          ...(i < required && { priority: 'required' as const }),
        },
      }));
    const [atLimit] = groupOpenPractices(catalogues, open(OPEN_GROUP_FOLD_OVER, 0));
    const [overLimit] = groupOpenPractices(catalogues, open(OPEN_GROUP_FOLD_OVER + 1, 3));
    expect([atLimit!.count, atLimit!.folded]).toEqual([OPEN_GROUP_FOLD_OVER, false]);
    expect([overLimit!.count, overLimit!.required, overLimit!.folded]).toEqual([
      OPEN_GROUP_FOLD_OVER + 1,
      3,
      true,
    ]);
  });
});

describe('statuses', () => {
  test('picks the strongest status and treats partial as covered', () => {
    expect(strongestStatus([])).toBe('none');
    expect([
      verdict('none'),
      verdict('none', 'gap'),
      verdict('none', 'out-of-scope'),
      verdict('not-addressed', 'out-of-scope'),
    ]).toEqual(['none', 'not-addressed', 'out-of-scope', 'out-of-scope']);
    expect([
      verdict('partial', 'gap'),
      verdict('addressed', 'out-of-scope'),
      verdict('not-addressed'),
    ]).toEqual(['partial', 'addressed', 'not-addressed']);
    expect([
      noteLabel('partial', 'gap'),
      noteLabel('not-addressed', 'gap'),
      noteLabel('out-of-scope', 'out-of-scope'),
    ]).toEqual(['Missing', 'Where it would go', 'Why']);
    expect(strongestStatus(['not-addressed', 'partial'])).toBe('partial');
    expect(strongestStatus(['partial', 'addressed', 'not-addressed'])).toBe('addressed');
    expect([
      isCovered('addressed'),
      isCovered('partial'),
      isCovered('not-addressed'),
      isCovered('none'),
    ]).toEqual([true, true, false, false]);
  });

  test('counts rows by best status', () => {
    expect(
      countCoverage([
        { best: 'addressed' },
        { best: 'none' },
        { best: 'not-addressed' },
        { best: 'partial' },
        { best: 'out-of-scope' },
        { best: 'out-of-scope' },
      ]),
    ).toEqual({
      total: 6,
      addressed: 1,
      partial: 1,
      notAddressed: 1,
      outOfScope: 2,
      none: 1,
    });
  });

  test('says the totals as a sentence, in the singular for one', () => {
    expect(
      describeTotals({
        total: 59,
        addressed: 45,
        partial: 9,
        notAddressed: 3,
        outOfScope: 2,
        none: 0,
      }),
    ).toBe('59 best practices: 45 addressed, 9 partly, 3 not addressed, 2 out of scope.');
    expect(
      describeTotals({
        total: 1,
        addressed: 0,
        partial: 0,
        notAddressed: 0,
        outOfScope: 0,
        none: 1,
      }),
    ).toBe(
      '1 best practice: 0 addressed, 0 partly, 0 not addressed, 0 out of scope, 1 without a verdict.',
    );
    expect([countBestPractices(0), countBestPractices(1), countBestPractices(2)]).toEqual([
      '0 best practices',
      '1 best practice',
      '2 best practices',
    ]);
  });

  test('makes page anchors from best practice ids', () => {
    expect([
      bestPracticeAnchor('analytics', 'BP 14.1'),
      bestPracticeAnchor('financial-services', 'FSISEC08-BP02'),
    ]).toEqual(['analytics-bp-14-1', 'financial-services-fsisec08-bp02']);
  });
});

describe("groupLensMappings (a chapter's Well-Architected section)", () => {
  test('groups by lens then pillar in catalogue order, with AWS titles and links, whatever the frontmatter order', () => {
    const groups = groupLensMappings(catalogues, [
      { lens: 'machine-learning', id: 'MLREL05-BP02', status: 'partial', how: 'Rollback.' },
      { lens: 'analytics', id: 'BP 4.1', status: 'addressed', how: 'Owners approve.' },
      { lens: 'analytics', id: 'BP 1.1', status: 'partial', how: 'Contracts.' },
      { lens: 'analytics', id: 'BP 3.1', status: 'not-addressed', how: 'Left to sources.' },
    ]);
    expect(
      groups.map((g) => ({
        lens: g.lens.id,
        counts: g.counts,
        pillars: g.pillars.map((p) => [
          p.title,
          p.items.map((i) => `${i.bestPractice.id} ${i.status} (${i.questionId})`),
        ]),
      })),
    ).toEqual([
      {
        lens: 'analytics',
        counts: { addressed: 1, partial: 1, 'not-addressed': 1 },
        pillars: [
          ['Operational Excellence', ['BP 1.1 partial (1)']],
          ['Security', ['BP 3.1 not-addressed (3)', 'BP 4.1 addressed (4)']],
        ],
      },
      {
        lens: 'machine-learning',
        counts: { addressed: 0, partial: 1, 'not-addressed': 0 },
        pillars: [['Reliability', ['MLREL05-BP02 partial (MLREL05)']]],
      },
    ]);
    expect(groups[0]!.pillars[0]!.items[0]!.bestPractice).toEqual({
      id: 'BP 1.1',
      title: 'Title of BP 1.1',
      summary: "What AWS's guidance for BP 1.1 asks, in our words.",
      url: 'https://example.org/analytics.html',
    });
  });

  test('links a best practice without a page of its own to its question page', () => {
    const fsi = lens('financial-services', [['security', 'FSISEC08', ['FSISEC08-BP02']]], {
      questionUrl: true,
    });
    const [group] = groupLensMappings(
      [fsi],
      [{ lens: 'financial-services', id: 'FSISEC08-BP02', status: 'addressed', how: 'Policies.' }],
    );
    expect(group!.pillars[0]!.items[0]!.bestPractice.url).toBe('https://example.org/FSISEC08.html');
  });

  test('is empty for a chapter with no mappings', () => {
    expect(groupLensMappings(catalogues, [])).toEqual([]);
  });
});

describe('summariseLensCoverage (the map panel)', () => {
  test('counts per lens and status, links the chapter section and says it in a sentence', () => {
    const summary = summariseLensCoverage([
      chapter('ml-serving', 11, [
        { lens: 'machine-learning', id: 'MLREL05-BP01', status: 'addressed' },
        { lens: 'machine-learning', id: 'MLREL05-BP02', status: 'partial' },
        { lens: 'analytics', id: 'BP 1.2', status: 'addressed' },
      ]),
      chapter('orchestration', 13),
    ]);
    expect(summary).toEqual({
      'ml-serving': {
        href: '/ml-serving/#well-architected',
        label: 'Well-Architected mappings',
        note: '3 best practices: 2 addressed, 1 partly',
        total: 3,
        lenses: {
          analytics: { addressed: 1, partial: 0, 'not-addressed': 0 },
          'machine-learning': { addressed: 1, partial: 1, 'not-addressed': 0 },
          'financial-services': { addressed: 0, partial: 0, 'not-addressed': 0 },
        },
        summary:
          'Well-Architected: Data Analytics 1 addressed; Machine Learning 1 addressed, 1 partly.',
      },
      orchestration: {
        href: '/orchestration/#well-architected',
        label: 'Well-Architected mappings',
        note: 'none mapped yet',
        total: 0,
        lenses: {
          analytics: { addressed: 0, partial: 0, 'not-addressed': 0 },
          'machine-learning': { addressed: 0, partial: 0, 'not-addressed': 0 },
          'financial-services': { addressed: 0, partial: 0, 'not-addressed': 0 },
        },
        summary: 'Well-Architected: no best practices mapped yet.',
      },
    });
  });
});

describe('lens page filters', () => {
  test('read a pillar from the URL, treating a missing or unknown one as all', () => {
    expect(parsePillarFilter('?pillar=security')).toBe('security');
    expect(parsePillarFilter('?pillar=secure')).toBe('all');
    expect(parsePillarFilter('?lens=analytics')).toBe('all');
    expect(parsePillarFilter('')).toBe('all');
  });

  test('write only what is filtered, so the unfiltered page keeps a clean URL', () => {
    expect(formatPillarFilter('cost-optimization')).toBe('?pillar=cost-optimization');
    expect(formatPillarFilter('all')).toBe('');
  });

  test('match elements by their pillar tag; a missing tag matches anything', () => {
    expect(matchesPillarFilter('security', 'security')).toBe(true);
    expect(matchesPillarFilter('security', 'reliability')).toBe(false);
    expect(matchesPillarFilter('security', undefined)).toBe(true);
    expect(matchesPillarFilter('all', 'reliability')).toBe(true);
  });

  test('name a lens page by its id, with a query or fragment when given', () => {
    expect([
      routes.lens('analytics'),
      routes.lens('machine-learning', '?pillar=security'),
      routes.lens('analytics', '#not-addressed'),
    ]).toEqual([
      '/well-architected/analytics/',
      '/well-architected/machine-learning/?pillar=security',
      '/well-architected/analytics/#not-addressed',
    ]);
  });

  test('send a link to the one-page matrix on to its lens page, keeping the pillar', () => {
    expect(lensPageFor('?lens=machine-learning&pillar=security')).toBe(
      '/well-architected/machine-learning/?pillar=security',
    );
    expect(lensPageFor('?lens=analytics&pillar=nope')).toBe('/well-architected/analytics/');
    expect([lensPageFor('?lens=ml'), lensPageFor('?pillar=security'), lensPageFor('')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('sum up an open list as its count and how many AWS requires', () => {
    expect([describeOpenGroup(1, 0), describeOpenGroup(9, 0), describeOpenGroup(77, 12)]).toEqual([
      '1 best practice',
      '9 best practices',
      '77 best practices, 12 required by AWS',
    ]);
  });
});
