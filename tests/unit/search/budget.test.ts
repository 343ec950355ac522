import { describe, expect, test } from 'vitest';
import {
  classifyBundleFile,
  findBudgetOverruns,
  summariseBundle,
} from '../../../src/lib/search/budget.ts';

describe('search bundle', () => {
  test('sorts Pagefind files by role', () => {
    expect(
      [
        'pagefind.js',
        'pagefind-worker.js',
        'pagefind-entry.json',
        'wasm.en.pagefind',
        'pagefind.en_1.pf_meta',
        'index/en_1.pf_index',
        'fragment/en_2.pf_fragment',
        'filter/en_3.pf_filter',
        'pagefind-ui.js',
        'pagefind-component-ui.css',
      ].map(classifyBundleFile),
    ).toEqual([
      'loader',
      'loader',
      'loader',
      'wasm',
      'meta',
      'index',
      'fragments',
      'filters',
      'ui',
      'ui',
    ]);
  });

  test('totals files, bytes and gzipped bytes per part and overall', () => {
    const totals = summariseBundle([
      { path: 'index/a.pf_index', bytes: 100, gzipBytes: 90 },
      { path: 'index/b.pf_index', bytes: 50, gzipBytes: 45 },
      { path: 'pagefind.js', bytes: 40, gzipBytes: 10 },
    ]);
    expect(totals.index).toEqual({ files: 2, bytes: 150, gzipBytes: 135 });
    expect(totals.all).toEqual({ files: 3, bytes: 190, gzipBytes: 145 });
    expect(totals.ui).toEqual({ files: 0, bytes: 0, gzipBytes: 0 });
  });
});

describe('search budget', () => {
  const budget = {
    buttonScriptGzip: 2000,
    firstSearchBytes: 300_000,
    coldFirstResultMs: 1500,
    warmFirstResultMs: 300,
  };
  test('says which figures are over budget and by how much', () => {
    expect(findBudgetOverruns({ ...budget, coldFirstResultMs: 2345.6 }, budget)).toEqual([
      'cold time to first result (ms): 2346 is over the budget of 1500',
    ]);
  });
  test('accepts figures at the budget', () => {
    expect(findBudgetOverruns(budget, budget)).toEqual([]);
  });
});
