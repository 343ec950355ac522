import {
  PILLAR_TITLES,
  type BestPractice,
  type LensCatalogue,
  type PillarId,
  type Question,
} from './schema.ts';

/** A best practice with everything above it: its lens, pillar and question. */
export interface BestPracticeEntry {
  lens: LensCatalogue;
  pillar: PillarId;
  pillarTitle: string;
  question: Omit<Question, 'bestPractices'>;
  bestPractice: BestPractice;
  /** Position in the lens's catalogue order, for sorting. */
  order: number;
}

/** The one key of a best practice across lenses: lens id and AWS's id. */
export function bestPracticeKey(lens: string, id: string): string {
  return `${lens}\u0000${id}`;
}

/** Flatten catalogues into their best practices, in lens → pillar → question → best-practice order. */
export function listBestPractices(catalogues: ReadonlyArray<LensCatalogue>): BestPracticeEntry[] {
  return catalogues.flatMap((lens) => {
    let order = 0;
    return lens.pillars.flatMap((pillar) =>
      pillar.questions.flatMap(({ bestPractices, ...question }) =>
        bestPractices.map((bestPractice) => ({
          lens,
          pillar: pillar.id,
          pillarTitle: PILLAR_TITLES[pillar.id],
          question,
          bestPractice,
          order: order++,
        })),
      ),
    );
  });
}

/** Index best practices by lens and id for lookups. */
export function indexBestPractices(
  catalogues: ReadonlyArray<LensCatalogue>,
): Map<string, BestPracticeEntry> {
  return new Map(
    listBestPractices(catalogues).map((e) => [bestPracticeKey(e.lens.id, e.bestPractice.id), e]),
  );
}

/** Find a lens catalogue by id; any string, as references are looked up before they are known to be valid. */
export function findLens(
  catalogues: ReadonlyArray<LensCatalogue>,
  id: string,
): LensCatalogue | undefined {
  return catalogues.find((c) => c.id === id);
}

/** An HTML id for a best practice on a page, e.g. ("analytics", "BP 14.1") → "analytics-bp-14-1". */
export function bestPracticeAnchor(lens: string, id: string): string {
  return `${lens}-${id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
