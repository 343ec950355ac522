import type { PartId } from '../graph/schema.ts';
import { bestPracticeKey } from './catalogue-index.ts';
import { countBestPractices } from './filter.ts';
import {
  PILLAR_TITLES,
  type BestPractice,
  type CoverageNote,
  type CoverageNotes,
  type CoverageStatus,
  type LensCatalogue,
  type LensId,
  type PillarId,
} from './schema.ts';
import { strongestStatus, verdict, type BestStatus } from './status.ts';

/** A chapter as the coverage computation sees it. */
export interface CoverageChapter {
  id: string;
  data: {
    title: string;
    number: number;
    part: PartId;
    lenses: ReadonlyArray<{ lens: LensId; id: string; status: CoverageStatus; how: string }>;
  };
}

/** One component column of the matrix. */
export interface ComponentColumn {
  id: string;
  number: number;
  title: string;
  part: PartId;
}

/** One component's answer to a best practice. */
export interface MatrixCell {
  status: CoverageStatus;
  how: string;
}

/** One best practice row: a cell per component column (null where the chapter does not map it). */
export interface MatrixRow {
  bestPractice: BestPractice;
  cells: Array<MatrixCell | null>;
  /** The row's verdict: the strongest chapter status, or our note's when no chapter answers it. */
  best: BestStatus;
  /** Our note on why it is not (fully) covered, if we wrote one. */
  note?: CoverageNote;
}

/** Counts of best practices by verdict. */
export interface CoverageTotals {
  total: number;
  addressed: number;
  partial: number;
  /** In scope and not answered yet: named by a chapter as not addressed, or a gap note. */
  notAddressed: number;
  /** Our note says no platform component can carry it. */
  outOfScope: number;
  /** No verdict at all (the coverage check rejects these; counted so a page never hides one). */
  none: number;
}

/** A question's rows, with AWS's question id, title and page. */
export interface MatrixQuestion {
  id: string;
  title: string;
  question?: string | undefined;
  url?: string | undefined;
  rows: MatrixRow[];
}

/** A pillar's questions and its totals. */
export interface MatrixPillar {
  id: PillarId;
  title: string;
  questions: MatrixQuestion[];
  totals: CoverageTotals;
}

/** One lens of the matrix: its catalogue, pillars, totals and our summary. */
export interface MatrixLens {
  lens: LensCatalogue;
  pillars: MatrixPillar[];
  totals: CoverageTotals;
  /** Our paragraph on how far the guide answers this lens. */
  summary?: string | undefined;
}

/** A best practice not fully addressed, with our note on it. */
export interface UncoveredPractice {
  lens: LensId;
  pillar: PillarId;
  questionId: string;
  bestPractice: BestPractice;
  best: BestStatus;
  note?: CoverageNote;
}

/** The whole matrix: component columns, lens → pillar → question → rows, and the open lists. */
export interface CoverageMatrix {
  components: ComponentColumn[];
  lenses: MatrixLens[];
  /** Best practices in scope that no component addresses, even in part (or with no verdict), in catalogue order. */
  uncovered: UncoveredPractice[];
  /** Best practices components address only in part, in catalogue order. */
  partlyCovered: UncoveredPractice[];
  /** Best practices our notes put out of the platform's scope, in catalogue order. */
  outOfScope: UncoveredPractice[];
}

const TOTAL_KEY: Record<BestStatus, Exclude<keyof CoverageTotals, 'total'>> = {
  addressed: 'addressed',
  partial: 'partial',
  'not-addressed': 'notAddressed',
  'out-of-scope': 'outOfScope',
  none: 'none',
};

/** Count best practices by verdict. */
export function countCoverage(rows: ReadonlyArray<{ best: BestStatus }>): CoverageTotals {
  const totals: CoverageTotals = {
    total: rows.length,
    addressed: 0,
    partial: 0,
    notAddressed: 0,
    outOfScope: 0,
    none: 0,
  };
  for (const { best } of rows) totals[TOTAL_KEY[best]]++;
  return totals;
}

/**
 * The totals as a sentence: "59 best practices: 45 addressed, 9 partly, 3 not addressed, 2 out of
 * scope." Best practices without a verdict are named only when there are some.
 */
export function describeTotals(totals: CoverageTotals): string {
  const none = totals.none ? `, ${totals.none} without a verdict` : '';
  return `${countBestPractices(totals.total)}: ${totals.addressed} addressed, ${totals.partial} partly, ${totals.notAddressed} not addressed, ${totals.outOfScope} out of scope${none}.`;
}

/** Component columns ordered by the seed's component number. */
export function toComponentColumns(chapters: ReadonlyArray<CoverageChapter>): ComponentColumn[] {
  return chapters
    .map((c) => ({ id: c.id, number: c.data.number, title: c.data.title, part: c.data.part }))
    .sort((a, b) => a.number - b.number);
}

/**
 * Build the coverage matrix: every catalogued best practice against every component, grouped by
 * lens → pillar → question in AWS's order, with totals per pillar and per lens. References to
 * unknown ids are ignored here; `findLensRefProblems` reports them.
 */
export function buildCoverageMatrix(
  catalogues: ReadonlyArray<LensCatalogue>,
  chapters: ReadonlyArray<CoverageChapter>,
  notes: CoverageNotes = { lenses: {}, notes: [] },
): CoverageMatrix {
  const components = toComponentColumns(chapters);
  const column = new Map(components.map((c, i) => [c.id, i]));
  const cells = new Map<string, Array<MatrixCell | null>>();
  for (const chapter of chapters) {
    for (const ref of chapter.data.lenses) {
      const key = bestPracticeKey(ref.lens, ref.id);
      const row = cells.get(key) ?? components.map(() => null);
      row[column.get(chapter.id)!] ??= { status: ref.status, how: ref.how };
      cells.set(key, row);
    }
  }
  const noteFor = new Map(notes.notes.map((n) => [bestPracticeKey(n.lens, n.id), n]));

  const uncovered: UncoveredPractice[] = [];
  const partlyCovered: UncoveredPractice[] = [];
  const outOfScope: UncoveredPractice[] = [];
  const lenses = catalogues.map((lens): MatrixLens => {
    const pillars = lens.pillars.map((pillar): MatrixPillar => {
      const questions = pillar.questions.map(({ bestPractices, ...question }): MatrixQuestion => ({
        ...question,
        rows: bestPractices.map((bestPractice) => {
          const key = bestPracticeKey(lens.id, bestPractice.id);
          const row = cells.get(key) ?? components.map(() => null);
          const note = noteFor.get(key);
          const best = verdict(
            strongestStatus(row.flatMap((c) => (c ? [c.status] : []))),
            note?.kind,
          );
          const open = {
            lens: lens.id,
            pillar: pillar.id,
            questionId: question.id,
            bestPractice,
            best,
            ...(note && { note }),
          };
          if (best === 'partial') partlyCovered.push(open);
          else if (best === 'out-of-scope') outOfScope.push(open);
          else if (best !== 'addressed') uncovered.push(open);
          return { bestPractice, cells: row, best, ...(note && { note }) };
        }),
      }));
      return {
        id: pillar.id,
        title: PILLAR_TITLES[pillar.id],
        questions,
        totals: countCoverage(questions.flatMap((q) => q.rows)),
      };
    });
    return {
      lens,
      pillars,
      totals: countCoverage(pillars.flatMap((p) => p.questions.flatMap((q) => q.rows))),
      summary: notes.lenses[lens.id],
    };
  });
  return { components, lenses, uncovered, partlyCovered, outOfScope };
}

/** Groups longer than this start folded: a long list of bare titles is reference, not reading. */
export const OPEN_GROUP_FOLD_OVER = 12;

/** A list of open best practices grouped by lens and then pillar, for rendering; empty groups are left out. */
export interface OpenPracticeGroup {
  lens: LensCatalogue;
  pillars: Array<{ id: PillarId; title: string; items: UncoveredPractice[] }>;
  /** Best practices in the group, and how many of them AWS marks as required. */
  count: number;
  required: number;
  /** Shown folded (a closed disclosure) when it has more than OPEN_GROUP_FOLD_OVER items. */
  folded: boolean;
}

/** Group open best practices by lens and pillar, in catalogue order. */
export function groupOpenPractices(
  catalogues: ReadonlyArray<LensCatalogue>,
  list: ReadonlyArray<UncoveredPractice>,
): OpenPracticeGroup[] {
  return catalogues
    .map((lens) => {
      const items = list.filter((u) => u.lens === lens.id);
      const pillars = lens.pillars
        .map((p) => ({
          id: p.id,
          title: PILLAR_TITLES[p.id],
          items: items.filter((u) => u.pillar === p.id),
        }))
        .filter((p) => p.items.length > 0);
      const required = items.filter((u) => u.bestPractice.priority === 'required').length;
      return {
        lens,
        pillars,
        count: items.length,
        required,
        folded: items.length > OPEN_GROUP_FOLD_OVER,
      };
    })
    .filter((g) => g.count > 0);
}
