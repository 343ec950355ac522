import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCoverageNotes, parseLensCatalogue } from '../../../src/lib/lens/parse-catalogue.ts';
import { listBestPractices } from '../../../src/lib/lens/catalogue-index.ts';
import { readCatalogues } from './helpers.ts';

const fixture = (name: string) => `tests/fixtures/lenses/${name}`;

describe('the lens catalogues in content/lenses', () => {
  const catalogues = readCatalogues();
  const count = (id: string) => listBestPractices(catalogues.filter((c) => c.id === id)).length;

  test('hold the three lenses in the site order with every pillar', () => {
    expect(catalogues.map((c) => c.id)).toEqual([
      'analytics',
      'machine-learning',
      'financial-services',
    ]);
    for (const c of catalogues) expect(c.pillars.map((p) => p.id)).toHaveLength(6);
  });

  test('hold every best practice collected from AWS: 59, 105 and 167', () => {
    expect([count('analytics'), count('machine-learning'), count('financial-services')]).toEqual([
      59, 105, 167,
    ]);
  });

  test('keep ids exactly as AWS writes them, including the unpadded FSI question ids', () => {
    const ids = listBestPractices(catalogues).map((e) => e.bestPractice.id);
    expect(ids).toContain('BP 10.4');
    expect(ids).toContain('MLOPS01-BP01');
    expect(ids).toContain('FSIOPS02-BP01');
    const fsi = catalogues.find((c) => c.id === 'financial-services')!;
    expect(fsi.pillars[0]!.questions.map((q) => q.id)).toContain('FSIOPS2');
  });

  test('give every best practice an https link, falling back to its question page where AWS has no page of its own', () => {
    for (const e of listBestPractices(catalogues))
      expect(e.bestPractice.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\//);
    const fsi = listBestPractices(catalogues).find((e) => e.bestPractice.id === 'FSISEC08-BP02')!;
    expect(fsi.bestPractice.url).toBe(fsi.question.url);
  });

  test('record each edition and when its ids were collected', () => {
    expect(
      catalogues.map((c) => [c.id, c.edition, c.published?.toISOString().slice(0, 10)]),
    ).toEqual([
      ['analytics', 'Current online edition', undefined],
      ['machine-learning', 'November 2025 edition', '2025-11-19'],
      ['financial-services', 'May 2024 edition', '2024-05-15'],
    ]);
  });
});

describe('catalogue and notes validation', () => {
  test('rejects a malformed id, a repeated id and a non-https link, naming each field', () => {
    expect(() =>
      parseLensCatalogue(
        readFileSync(fixture('bad-catalogue.yaml'), 'utf8'),
        fixture('bad-catalogue.yaml'),
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [DataError: tests/fixtures/lenses/bad-catalogue.yaml: pillars[0].questions[0].bestPractices[2].url: expected an https:// URL
      tests/fixtures/lenses/bad-catalogue.yaml: pillars[0].questions[0].bestPractices[1].id: "BP1.2" does not look like this lens's ids (^BP \\d+\\.\\d+$, e.g. "BP 1.2")
      tests/fixtures/lenses/bad-catalogue.yaml: pillars[0].questions[0].bestPractices[2].id: "BP 1.1" is already listed under question 1]
    `);
  });

  test('rejects a best practice without our summary, or with one too short or too long for a line', () => {
    expect(() =>
      parseLensCatalogue(
        readFileSync(fixture('bad-summary.yaml'), 'utf8'),
        fixture('bad-summary.yaml'),
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [DataError: tests/fixtures/lenses/bad-summary.yaml: pillars[0].questions[0].bestPractices[0].summary: expected a one-line summary, in our words, of what AWS's guidance for this best practice asks
      tests/fixtures/lenses/bad-summary.yaml: pillars[0].questions[0].bestPractices[1].summary: a summary says what the guidance asks in a sentence; at least 20 characters
      tests/fixtures/lenses/bad-summary.yaml: pillars[0].questions[0].bestPractices[2].summary: a summary is one line on the lens page; at most 160 characters]
    `);
  });

  test('rejects a catalogue whose file name is not a lens id', () => {
    expect(() =>
      parseLensCatalogue(
        readFileSync('content/lenses/analytics.yaml', 'utf8'),
        'content/lenses/data-analytics.yaml',
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: content/lenses/data-analytics.yaml: "data-analytics" is not a lens id; name the file after one of analytics, machine-learning, financial-services.]`,
    );
  });

  test('rejects a note of an unknown kind', () => {
    expect(() =>
      parseCoverageNotes(
        readFileSync(fixture('bad-note-kind.yaml'), 'utf8'),
        fixture('bad-note-kind.yaml'),
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/lenses/bad-note-kind.yaml: notes[0].kind: expected one of out-of-scope, gap]`,
    );
  });

  test('fills defaults for an empty notes file', () => {
    expect(parseCoverageNotes('', 'x.yaml')).toEqual({ lenses: {}, notes: [] });
  });
});
