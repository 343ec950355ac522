// The real chapters and notes, checked with the same code the build uses.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '../../../src/lib/chapter/parse-chapter.ts';
import { addGraphFacts } from '../../../src/lib/chapter/graph-facts.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';
import { buildCoverageMatrix } from '../../../src/lib/lens/coverage.ts';
import { COVERAGE_NOTES_FILE, parseCoverageNotes } from '../../../src/lib/lens/parse-catalogue.ts';
import {
  findLensRefProblems,
  findNoteProblems,
  findVerdictProblems,
} from '../../../src/lib/lens/validate-refs.ts';
import { readCatalogues } from './helpers.ts';

const catalogues = readCatalogues();
const notes = parseCoverageNotes(readFileSync(COVERAGE_NOTES_FILE, 'utf8'));
const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const chapters = addGraphFacts(
  graph,
  readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = `content/chapters/${f}`;
      return { id: basename(f, '.mdx'), ...parseChapter(readFileSync(file, 'utf8'), file) };
    }),
);
const matrix = buildCoverageMatrix(catalogues, chapters, notes);

describe('lens mappings on disk', () => {
  test('every chapter names only best practices that exist, each once', () => {
    expect(findLensRefProblems(catalogues, chapters)).toEqual([]);
  });

  test('every coverage note names a best practice that exists, each once', () => {
    expect(findNoteProblems(catalogues, notes)).toEqual([]);
  });

  test.each(chapters.map((c) => [c.id, c] as const))(
    '%s maps its component to at least one best practice',
    (_id, chapter) => {
      expect(chapter.data.lenses.length).toBeGreaterThan(0);
    },
  );

  test('the catalogues hold every best practice of the three lenses: 59, 105 and 167', () => {
    expect(matrix.lenses.map((l) => [l.lens.id, l.totals.total])).toEqual([
      ['analytics', 59],
      ['machine-learning', 105],
      ['financial-services', 167],
    ]);
  });

  test('every best practice of every lens has a verdict that explains itself (mapping or note), and no note is stale', () => {
    expect(findVerdictProblems(matrix)).toEqual([]);
    expect(matrix.lenses.map((l) => [l.lens.id, l.totals.none])).toEqual([
      ['analytics', 0],
      ['machine-learning', 0],
      ['financial-services', 0],
    ]);
  });

  test('every lens has our summary of how far the guide answers it', () => {
    expect(matrix.lenses.filter((l) => !l.summary).map((l) => l.lens.id)).toEqual([]);
  });
});
