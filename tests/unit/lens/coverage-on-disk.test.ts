// The real chapters and notes, checked with the same code the build uses.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '../../../src/lib/chapter/parse-chapter.ts';
import { buildCoverageMatrix } from '../../../src/lib/lens/coverage.ts';
import { COVERAGE_NOTES_FILE, parseCoverageNotes } from '../../../src/lib/lens/parse-catalogue.ts';
import { findLensRefProblems, findNoteProblems } from '../../../src/lib/lens/validate-refs.ts';
import { readCatalogues } from './helpers.ts';

const catalogues = readCatalogues();
const notes = parseCoverageNotes(readFileSync(COVERAGE_NOTES_FILE, 'utf8'));
const chapters = readdirSync('content/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const file = `content/chapters/${f}`;
    return { id: basename(f, '.mdx'), ...parseChapter(readFileSync(file, 'utf8'), file) };
  });
const matrix = buildCoverageMatrix(catalogues, chapters, notes);
const analytics = matrix.lenses.find((l) => l.lens.id === 'analytics')!;
const analyticsRows = analytics.pillars.flatMap((p) => p.questions.flatMap((q) => q.rows));

describe('lens mappings on disk', () => {
  test('every chapter names only best practices that exist, each once', () => {
    expect(findLensRefProblems(catalogues, chapters)).toEqual([]);
  });

  test('every coverage note names a best practice that exists, each once', () => {
    expect(findNoteProblems(catalogues, notes)).toEqual([]);
  });

  test.each(chapters.map((c) => [c.id, c] as const))('%s maps its component to at least one best practice', (_id, chapter) => {
    expect(chapter.data.lenses.length).toBeGreaterThan(0);
  });

  test('every pillar of the Data Analytics Lens has best practices that components address', () => {
    expect(analytics.pillars.filter((p) => p.totals.addressed === 0).map((p) => p.title)).toEqual([]);
  });

  test('every Data Analytics best practice no component fully addresses has a note saying why', () => {
    const unexplained = analyticsRows.filter((r) => r.best !== 'addressed' && !r.note).map((r) => `${r.bestPractice.id} (${r.best})`);
    expect(unexplained, `add a note for each to ${COVERAGE_NOTES_FILE}`).toEqual([]);
  });

  test('no note explains a gap that a component has since closed', () => {
    const rows = matrix.lenses.flatMap((l) => l.pillars.flatMap((p) => p.questions.flatMap((q) => q.rows.map((r) => ({ lens: l.lens.id, ...r })))));
    const stale = rows.filter((r) => r.note && r.best === 'addressed').map((r) => `${r.lens} ${r.bestPractice.id}`);
    expect(stale, `remove these notes from ${COVERAGE_NOTES_FILE}: a component now addresses them`).toEqual([]);
  });

  test('every lens has our summary of how far the guide answers it', () => {
    expect(matrix.lenses.filter((l) => !l.summary).map((l) => l.lens.id)).toEqual([]);
  });
});
