import { chapterFile } from '../chapter/validate-chapters.ts';
import { DataError } from '../errors/format-issues.ts';
import { bestPracticeKey, findLens, indexBestPractices } from './catalogue-index.ts';
import { COVERAGE_NOTES_FILE, lensFile } from './parse-catalogue.ts';
import type { CoverageMatrix } from './coverage.ts';
import type { CoverageNotes, LensCatalogue } from './schema.ts';
import { suggestIds } from './suggest-ids.ts';

/** A lens reference as the check sees it: loose enough to report a lens the schema would also reject. */
export interface LensRefLike {
  lens: string;
  id: string;
}

/** A chapter as the lens check sees it: its id (file name) and its `lenses:` list. */
export interface ChapterLensRefs {
  id: string;
  /** Path used in messages. Default content/chapters/<id>.mdx. */
  file?: string | undefined;
  data: { lenses: ReadonlyArray<LensRefLike> };
}

const quote = (ids: ReadonlyArray<string>) => ids.map((id) => `"${id}"`).join(', ');

/** Explain one unknown id: what it is not, the likely fix, and where the valid ids are. */
function describeUnknownId(
  ref: LensRefLike,
  lens: LensCatalogue,
  catalogues: ReadonlyArray<LensCatalogue>,
): string {
  const { closeMatches, otherLenses, questionBestPractices } = suggestIds(ref.id, lens, catalogues);
  const hints: string[] = [];
  if (closeMatches.length) hints.push(`Did you mean ${quote(closeMatches)}?`);
  for (const other of otherLenses) {
    const title = findLens(catalogues, other.lens)?.title ?? other.lens;
    hints.push(`"${other.id}" is in the ${title}: set lens: ${other.lens}.`);
  }
  if (questionBestPractices.length)
    hints.push(
      `"${ref.id}" is a question; map one of its best practices instead: ${quote(questionBestPractices)}.`,
    );
  hints.push(
    `Ids are written exactly as AWS writes them, e.g. "${lens.idFormat.example}"; the full list is in ${lensFile(lens.id)}.`,
  );
  return `"${ref.id}" is not a best practice of the ${lens.title}. ${hints.join(' ')}`;
}

/**
 * Check every chapter's lens references against the catalogues: the lens exists, the id is one of
 * its best practices, and no best practice is mapped twice. One message per problem, naming the
 * chapter file, the entry and how to fix it.
 */
export function findLensRefProblems(
  catalogues: ReadonlyArray<LensCatalogue>,
  chapters: ReadonlyArray<ChapterLensRefs>,
): string[] {
  const index = indexBestPractices(catalogues);
  const known = catalogues.map((c) => c.id).join(', ');
  const problems: string[] = [];
  for (const chapter of chapters) {
    const file = chapter.file ?? chapterFile(chapter.id);
    const seen = new Map<string, number>();
    chapter.data.lenses.forEach((ref, i) => {
      const lens = findLens(catalogues, ref.lens);
      if (!lens) {
        problems.push(
          `${file}: lenses[${i}].lens: "${ref.lens}" is not a lens. Known lenses: ${known}.`,
        );
        return;
      }
      const key = bestPracticeKey(ref.lens, ref.id);
      if (!index.has(key)) {
        problems.push(`${file}: lenses[${i}].id: ${describeUnknownId(ref, lens, catalogues)}`);
        return;
      }
      const first = seen.get(key);
      if (first !== undefined)
        problems.push(
          `${file}: lenses[${i}]: "${ref.id}" (${ref.lens}) is already mapped at lenses[${first}]; keep one entry and merge the "how".`,
        );
      else seen.set(key, i);
    });
  }
  return problems;
}

/** Check our coverage notes name real best practices, each at most once. */
export function findNoteProblems(
  catalogues: ReadonlyArray<LensCatalogue>,
  notes: CoverageNotes,
  file = COVERAGE_NOTES_FILE,
): string[] {
  const index = indexBestPractices(catalogues);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  notes.notes.forEach((note, i) => {
    const lens = findLens(catalogues, note.lens);
    const key = bestPracticeKey(note.lens, note.id);
    if (!lens) problems.push(`${file}: notes[${i}].lens: "${note.lens}" has no catalogue.`);
    else if (!index.has(key))
      problems.push(`${file}: notes[${i}].id: ${describeUnknownId(note, lens, catalogues)}`);
    else if (seen.has(key))
      problems.push(
        `${file}: notes[${i}]: "${note.id}" (${note.lens}) already has a note at notes[${seen.get(key)}]; keep one.`,
      );
    else seen.set(key, i);
  });
  return problems;
}

/** Throw a DataError listing every bad lens reference in chapters and notes; the build calls this. */
export function assertLensRefs(
  catalogues: ReadonlyArray<LensCatalogue>,
  chapters: ReadonlyArray<ChapterLensRefs>,
  notes?: CoverageNotes,
  notesFile?: string,
): void {
  const problems = [
    ...findLensRefProblems(catalogues, chapters),
    ...(notes ? findNoteProblems(catalogues, notes, notesFile) : []),
  ];
  if (problems.length) throw new DataError(problems.join('\n'));
}

/**
 * Check that every best practice of every lens has a verdict that explains itself (the rule in
 * CONTRIBUTING.md): a chapter maps it, or a coverage note says why not. Rejects a best practice
 * with no mapping and no note; a partly addressed one with no note saying what is missing; a note
 * that calls a practice out of scope while a chapter answers it; and a note left on a practice a
 * chapter now fully addresses. One message per problem, naming the file to edit.
 */
export function findVerdictProblems(
  matrix: Pick<CoverageMatrix, 'lenses' | 'components'>,
  file = COVERAGE_NOTES_FILE,
): string[] {
  const problems: string[] = [];
  for (const { lens, pillars } of matrix.lenses) {
    for (const pillar of pillars) {
      for (const question of pillar.questions) {
        for (const row of question.rows) {
          const name = `${lens.title} ${row.bestPractice.id} ("${row.bestPractice.title}")`;
          const answering = row.cells.flatMap((c, i) =>
            c && c.status !== 'not-addressed' ? [matrix.components[i]!.id] : [],
          );
          if (row.best === 'none')
            problems.push(
              `${name} has no verdict: map it in the chapter that implements it, or add a note to ${file} (kind: gap, saying where it would go; or kind: out-of-scope, saying why no component can carry it).`,
            );
          else if (row.best === 'partial' && !row.note)
            problems.push(
              `${name} is only partly addressed (${answering.join(', ')}) and ${file} does not say what is missing: add a note with kind: gap.`,
            );
          else if (row.note?.kind === 'out-of-scope' && answering.length)
            problems.push(
              `${name}: ${file} calls it out of scope, but ${answering.join(', ')} map it: change the note to kind: gap, or remove the mapping.`,
            );
          else if (row.best === 'addressed' && row.note)
            problems.push(
              `${name} is addressed (${answering.join(', ')}), so its note in ${file} is stale: remove it.`,
            );
        }
      }
    }
  }
  return problems;
}
