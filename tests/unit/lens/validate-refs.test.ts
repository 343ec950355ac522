import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '../../../src/lib/chapter/parse-chapter.ts';
import { parseCoverageNotes } from '../../../src/lib/lens/parse-catalogue.ts';
import { editDistance, looseId, suggestIds } from '../../../src/lib/lens/suggest-ids.ts';
import {
  assertLensRefs,
  findLensRefProblems,
  findVerdictProblems,
} from '../../../src/lib/lens/validate-refs.ts';
import { buildCoverageMatrix } from '../../../src/lib/lens/coverage.ts';
import type { CoverageNotes } from '../../../src/lib/lens/schema.ts';
import { chapter, lens, readCatalogues } from './helpers.ts';

const catalogues = readCatalogues();
const fixtureChapter = (name: string) => {
  const file = `tests/fixtures/lenses/${name}`;
  return { id: 'stream-ingestion', file, ...parseChapter(readFileSync(file, 'utf8'), file) };
};

describe('lens references in chapters', () => {
  test('fails on unknown ids with the file, the entry, a likely fix and where the valid ids are', () => {
    expect(() => assertLensRefs(catalogues, [fixtureChapter('bad-ids.mdx')]))
      .toThrowErrorMatchingInlineSnapshot(`
      [DataError: tests/fixtures/lenses/bad-ids.mdx: lenses[1].id: "bp1.1" is not a best practice of the Data Analytics Lens. Did you mean "BP 1.1"? Ids are written exactly as AWS writes them, e.g. "BP 1.2"; the full list is in content/lenses/analytics.yaml.
      tests/fixtures/lenses/bad-ids.mdx: lenses[2].id: "MLOPS04-BP01" is not a best practice of the Data Analytics Lens. "MLOPS04-BP01" is in the Machine Learning Lens: set lens: machine-learning. Ids are written exactly as AWS writes them, e.g. "BP 1.2"; the full list is in content/lenses/analytics.yaml.
      tests/fixtures/lenses/bad-ids.mdx: lenses[3].id: "FSISEC08" is not a best practice of the Financial Services Industry Lens. "FSISEC08" is a question; map one of its best practices instead: "FSISEC08-BP01", "FSISEC08-BP02". Ids are written exactly as AWS writes them, e.g. "FSISEC08-BP02"; the full list is in content/lenses/financial-services.yaml.
      tests/fixtures/lenses/bad-ids.mdx: lenses[4].id: "MLOPS99-BP01" is not a best practice of the Machine Learning Lens. Did you mean "MLOPS01-BP01", "MLOPS02-BP01", "MLOPS03-BP01"? Ids are written exactly as AWS writes them, e.g. "MLOPS01-BP01"; the full list is in content/lenses/machine-learning.yaml.
      tests/fixtures/lenses/bad-ids.mdx: lenses[5]: "BP 1.2" (analytics) is already mapped at lenses[0]; keep one entry and merge the "how".]
    `);
  });

  test('fails on notes that name unknown or repeated best practices', () => {
    const notes = parseCoverageNotes(
      readFileSync('tests/fixtures/lenses/bad-notes.yaml', 'utf8'),
      'tests/fixtures/lenses/bad-notes.yaml',
    );
    expect(() => assertLensRefs(catalogues, [], notes, 'tests/fixtures/lenses/bad-notes.yaml'))
      .toThrowErrorMatchingInlineSnapshot(`
      [DataError: tests/fixtures/lenses/bad-notes.yaml: notes[0].id: "BP 14.3" is not a best practice of the Data Analytics Lens. Did you mean "BP 14.1", "BP 14.2", "BP 10.3"? Ids are written exactly as AWS writes them, e.g. "BP 1.2"; the full list is in content/lenses/analytics.yaml.
      tests/fixtures/lenses/bad-notes.yaml: notes[2]: "BP 14.2" (analytics) already has a note at notes[1]; keep one.]
    `);
  });

  test('names the default chapter file when no path is given, and a lens without a catalogue', () => {
    const problems = findLensRefProblems(
      [lens('analytics', [['security', '3', ['BP 3.1']]])],
      [
        {
          id: 'security',
          data: {
            lenses: [
              { lens: 'machine-learning', id: 'MLSEC03-BP01' },
              { lens: 'analytics', id: 'BP 3.1' },
            ],
          },
        },
      ],
    );
    expect(problems).toEqual([
      'content/chapters/security.mdx: lenses[0].lens: "machine-learning" is not a lens. Known lenses: analytics.',
    ]);
  });

  test('accepts valid references', () => {
    expect(() =>
      assertLensRefs(catalogues, [
        {
          id: 'x',
          data: {
            lenses: [
              { lens: 'analytics', id: 'BP 7.3' },
              { lens: 'machine-learning', id: 'MLOPS02-BP04' },
            ],
          },
        },
      ]),
    ).not.toThrow();
  });
});

describe('suggestIds', () => {
  const analytics = lens('analytics', [
    ['reliability', '6', ['BP 6.1', 'BP 6.2', 'BP 6.3']],
    ['reliability', '7', ['BP 7.1']],
  ]);
  const ml = lens('machine-learning', [['operational-excellence', 'MLOPS04', ['MLOPS04-BP01']]]);

  test('finds an id that differs only in case, spacing or padding', () => {
    expect(looseId('bp6.1')).toBe(looseId('BP 6.1'));
    expect(looseId('MLOPS4-BP1')).toBe(looseId('MLOPS04-BP01'));
    expect(suggestIds('bp 6.1', analytics).closeMatches[0]).toBe('BP 6.1');
  });

  test('ranks near misses by distance, then catalogue order, three at most', () => {
    expect(suggestIds('BP 6.9', analytics).closeMatches).toEqual(['BP 6.1', 'BP 6.2', 'BP 6.3']);
    expect(suggestIds('BP 7.9', analytics).closeMatches).toEqual(['BP 7.1', 'BP 6.1', 'BP 6.2']);
    expect(suggestIds('bp 6.1', analytics).closeMatches).toEqual(['BP 6.1']);
    expect(suggestIds('BP 99.99', analytics).closeMatches).toEqual([]);
  });

  test('points to the lens that has the id, and to the best practices of a question id', () => {
    expect(suggestIds('MLOPS04-BP01', analytics, [analytics, ml]).otherLenses).toEqual([
      { lens: 'machine-learning', id: 'MLOPS04-BP01' },
    ]);
    expect(suggestIds('6', analytics).questionBestPractices).toEqual([
      'BP 6.1',
      'BP 6.2',
      'BP 6.3',
    ]);
  });

  test('measures edit distance', () => {
    expect([
      editDistance('kitten', 'sitting'),
      editDistance('', 'abc'),
      editDistance('same', 'same'),
    ]).toEqual([3, 3, 0]);
  });
});

describe('verdicts', () => {
  const small = lens('analytics', [
    ['security', '3', ['BP 3.1', 'BP 3.2', 'BP 3.3', 'BP 3.4', 'BP 3.5', 'BP 3.6']],
  ]);
  const chapters = [
    chapter('security', 15, [
      { lens: 'analytics', id: 'BP 3.2', status: 'partial' },
      { lens: 'analytics', id: 'BP 3.3', status: 'partial' },
      { lens: 'analytics', id: 'BP 3.4', status: 'addressed' },
      { lens: 'analytics', id: 'BP 3.5', status: 'addressed' },
    ]),
  ];
  const notes: CoverageNotes = {
    lenses: {},
    notes: [
      { lens: 'analytics', id: 'BP 3.3', kind: 'out-of-scope', note: 'Organisational.' },
      { lens: 'analytics', id: 'BP 3.5', kind: 'gap', note: 'Old gap.' },
      { lens: 'analytics', id: 'BP 3.6', kind: 'gap', note: 'Would go in Security.' },
    ],
  };

  test('rejects a practice with no verdict, a partial with no note, an out-of-scope note on a mapped practice and a stale note', () => {
    expect(
      findVerdictProblems(buildCoverageMatrix([small], chapters, notes), 'notes.yaml'),
    ).toEqual([
      'analytics lens BP 3.1 ("Title of BP 3.1") has no verdict: map it in the chapter that implements it, or add a note to notes.yaml (kind: gap, saying where it would go; or kind: out-of-scope, saying why no component can carry it).',
      'analytics lens BP 3.2 ("Title of BP 3.2") is only partly addressed (security) and notes.yaml does not say what is missing: add a note with kind: gap.',
      'analytics lens BP 3.3 ("Title of BP 3.3"): notes.yaml calls it out of scope, but security map it: change the note to kind: gap, or remove the mapping.',
      'analytics lens BP 3.5 ("Title of BP 3.5") is addressed (security), so its note in notes.yaml is stale: remove it.',
    ]);
  });

  test('accepts an addressed practice without a note and an unmapped one with a gap note', () => {
    const problems = findVerdictProblems(
      buildCoverageMatrix([small], chapters, notes),
      'notes.yaml',
    );
    expect(problems.filter((p) => p.includes('BP 3.4') || p.includes('BP 3.6'))).toEqual([]);
  });
});
