import { describe, expect, test } from 'vitest';
import {
  listSubsets,
  searchWithFallback,
  toFallbackTiers,
} from '../../../src/lib/search/fallback.ts';

/** A fake index: each page is a set of words; a query matches pages holding all its words. */
function index(pages: Record<string, { words: string; score?: number }>) {
  const queries: string[] = [];
  const run = async (term: string) => {
    queries.push(term);
    const words = term.split(' ');
    return Object.entries(pages)
      .filter(([, p]) => words.every((w) => p.words.split(' ').includes(w)))
      .map(([id, p]) => ({ id, score: (p.score ?? 1) * words.length }))
      .sort((a, b) => b.score - a.score);
  };
  return { run, queries };
}

describe('toFallbackTiers', () => {
  test('drops one word, then two, down to half the words', () => {
    expect(toFallbackTiers('stop small files')).toEqual([
      ['stop small', 'stop files', 'small files'],
    ]);
    expect(toFallbackTiers('a b c d')).toEqual([
      ['a b c', 'a b d', 'a c d', 'b c d'],
      ['a b', 'a c', 'a d', 'b c', 'b d', 'c d'],
    ]);
    expect(toFallbackTiers('pii dashboards')).toEqual([['pii', 'dashboards']]);
    expect(toFallbackTiers('kafka')).toEqual([]);
  });

  test('lists subsets in word order', () => {
    expect(listSubsets(['a', 'b', 'c'], 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(listSubsets(['a'], 2)).toEqual([]);
  });
});

describe('searchWithFallback', () => {
  test('adds pages matching most of the words below the full matches, best first', async () => {
    const { run } = index({
      chapter: { words: 'stop small files compaction' },
      bench: { words: 'small files benchmark', score: 3 },
      other: { words: 'stop files', score: 2 },
      unrelated: { words: 'kafka' },
    });
    const { results, full } = await searchWithFallback('stop small files', run);
    expect(full).toBe(1);
    expect(results.map((r) => r.id)).toEqual(['chapter', 'bench', 'other']);
  });

  test('does not widen a query that already finds enough pages', async () => {
    const { run, queries } = index({ a: { words: 'x y' }, b: { words: 'x y' } });
    const { results } = await searchWithFallback('x y', run, 2);
    expect(results.map((r) => r.id)).toEqual(['a', 'b']);
    expect(queries).toEqual(['x y']);
  });

  test('stops at the first tier that finds anything, so one shared word does not flood the list', async () => {
    const { run, queries } = index({ ab: { words: 'a b' }, c: { words: 'c' } });
    const { results } = await searchWithFallback('a b c d', run);
    expect(results.map((r) => r.id)).toEqual(['ab']);
    expect(queries).toContain('a b');
    expect(queries).not.toContain('c');
  });
});
