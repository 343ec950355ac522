// Loads the Well-Architected lens data for pages: AWS's catalogues and our coverage notes,
// validated and cached. Pure logic lives in src/lib/lens.
import { getCollection, getEntry } from 'astro:content';
import { getChapters } from './site.ts';
import { buildCoverageMatrix, type CoverageMatrix } from '../lib/lens/coverage.ts';
import { DataError } from '../lib/errors/format-issues.ts';
import { orderLenses, withLensId } from '../lib/lens/parse-catalogue.ts';
import { findNoteProblems, findVerdictProblems } from '../lib/lens/validate-refs.ts';
import type { CoverageNotes, LensCatalogue } from '../lib/lens/schema.ts';

let lensesPromise: Promise<LensCatalogue[]> | undefined;
let notesPromise: Promise<CoverageNotes> | undefined;
let matrixPromise: Promise<CoverageMatrix> | undefined;

/** The three lens catalogues from content/lenses/, in the site's lens order. */
export function getLenses(): Promise<LensCatalogue[]> {
  lensesPromise ??= getCollection('lenses').then((entries) =>
    orderLenses(entries.map((e) => withLensId(e.id, e.data))),
  );
  return lensesPromise;
}

/** Our notes from content/lenses/coverage-notes.yaml; fails the build when a note names an unknown best practice. */
export function getCoverageNotes(): Promise<CoverageNotes> {
  notesPromise ??= Promise.all([getEntry('lensNotes', 'coverage-notes'), getLenses()]).then(
    ([entry, lenses]) => {
      const notes = entry?.data ?? { lenses: {}, notes: [] };
      const problems = findNoteProblems(lenses, notes);
      if (problems.length) throw new DataError(problems.join('\n'));
      return notes;
    },
  );
  return notesPromise;
}

/**
 * Every lens best practice against every component, for the Well-Architected pages; fails the build
 * when a best practice has no verdict or a verdict does not explain itself (see findVerdictProblems).
 */
export function getCoverageMatrix(): Promise<CoverageMatrix> {
  matrixPromise ??= Promise.all([getLenses(), getChapters(), getCoverageNotes()]).then(
    ([lenses, chapters, notes]) => {
      const matrix = buildCoverageMatrix(lenses, chapters, notes);
      const problems = findVerdictProblems(matrix);
      if (problems.length) throw new DataError(problems.join('\n'));
      return matrix;
    },
  );
  return matrixPromise;
}
