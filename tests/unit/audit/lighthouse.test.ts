import { describe, expect, test } from 'vitest';
import {
  checkTargets,
  formatScoreTable,
  median,
  readScores,
  readShortfalls,
  summarizeRuns,
  type LighthouseResult,
  type Scores,
} from '../../../src/lib/audit/lighthouse.ts';

/** A Lighthouse result with the given category scores (0–1) and audits. */
function lhr(
  scores: Partial<Record<string, number>> = {},
  audits: LighthouseResult['audits'] = {},
): LighthouseResult {
  const category = (id: string) => ({
    score: scores[id] ?? 1,
    auditRefs: Object.keys(audits).map((a) => ({ id: a, weight: a.startsWith('info') ? 0 : 10 })),
  });
  return {
    lighthouseVersion: '13.5.0',
    categories: {
      performance: category('performance'),
      accessibility: category('accessibility'),
      'best-practices': category('best-practices'),
      seo: category('seo'),
    },
    audits,
  };
}
const full: Scores = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };

describe('median', () => {
  test('takes the middle value, so one noisy run does not move the result', () => {
    expect(median([100, 61, 99])).toBe(99);
    expect(median([90, 100])).toBe(95);
  });
});

describe('readScores', () => {
  test('turns 0–1 scores into whole numbers', () => {
    expect(readScores(lhr({ performance: 0.987 }))).toEqual({ ...full, performance: 99 });
  });

  test('fails with Lighthouse’s own reason when the page could not be audited', () => {
    const broken = {
      ...lhr(),
      finalDisplayedUrl: 'http://127.0.0.1/x/',
      runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Status code: 404' },
    };
    expect(() => readScores(broken)).toThrow(
      'Lighthouse could not audit http://127.0.0.1/x/: ERRORED_DOCUMENT_REQUEST Status code: 404',
    );
  });
});

describe('readShortfalls', () => {
  test('lists weighted audits below full marks, worst first, with their values', () => {
    const result = lhr(
      { performance: 0.9 },
      {
        'largest-contentful-paint': { score: 0.8, title: 'LCP', displayValue: '2.9 s' },
        'total-blocking-time': { score: 0.5, title: 'TBT', displayValue: '400 ms' },
        'first-contentful-paint': { score: 1, title: 'FCP' },
        'info-only': { score: 0, title: 'Info' },
      },
    );
    expect(readShortfalls(result, 'performance')).toEqual([
      'total-blocking-time (400 ms)',
      'largest-contentful-paint (2.9 s)',
    ]);
  });
});

describe('summarizeRuns', () => {
  test('reports the median per category and the shortfalls of the most typical run', () => {
    const slow = { 'total-blocking-time': { score: 0.2, title: 'TBT', displayValue: '900 ms' } };
    const typical = { 'total-blocking-time': { score: 0.9, title: 'TBT', displayValue: '250 ms' } };
    const audit = summarizeRuns('/', 'mobile', [
      lhr({ performance: 0.97 }, typical),
      lhr({ performance: 0.6 }, slow),
      lhr({ performance: 0.99 }, typical),
    ]);
    expect(audit.median).toEqual({ ...full, performance: 97 });
    expect(audit.runs.map((r) => r.performance)).toEqual([97, 60, 99]);
    expect(audit.shortfalls).toEqual({ performance: ['total-blocking-time (250 ms)'] });
  });
});

describe('checkTargets', () => {
  test('holds content pages to 100 and the map page to 98 on performance, 100 elsewhere', () => {
    const audits = [
      {
        path: '/',
        formFactor: 'mobile' as const,
        runs: [],
        median: { ...full, performance: 98 },
        shortfalls: {},
      },
      {
        path: '/data-storage/',
        formFactor: 'mobile' as const,
        runs: [],
        median: { ...full, performance: 99 },
        shortfalls: { performance: ['largest-contentful-paint (2.6 s)'] },
      },
      {
        path: '/configs/',
        formFactor: 'desktop' as const,
        runs: [],
        median: { ...full, seo: 92 },
        shortfalls: { seo: [] },
      },
    ];
    expect(checkTargets(audits)).toMatchInlineSnapshot(`
      [
        "/data-storage/ (mobile): performance 99 is below the target 100; held back by largest-contentful-paint (2.6 s)",
        "/configs/ (desktop): seo 92 is below the target 100",
      ]
    `);
  });
});

describe('formatScoreTable', () => {
  test('puts mobile and desktop medians side by side, one row per page', () => {
    const audits = [
      {
        path: '/',
        formFactor: 'mobile' as const,
        runs: [],
        median: { ...full, performance: 98 },
        shortfalls: {},
      },
      { path: '/', formFactor: 'desktop' as const, runs: [], median: full, shortfalls: {} },
      { path: '/configs/', formFactor: 'mobile' as const, runs: [], median: full, shortfalls: {} },
    ];
    expect(formatScoreTable(audits)).toMatchInlineSnapshot(`
      "| page | mobile (perf / a11y / best practices / SEO) | desktop (perf / a11y / best practices / SEO) |
      | --- | --- | --- |
      | \`/\` | 98 / 100 / 100 / 100 | 100 / 100 / 100 / 100 |
      | \`/configs/\` | 100 / 100 / 100 / 100 | – |"
    `);
  });
});
