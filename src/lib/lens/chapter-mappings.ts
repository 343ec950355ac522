import { bestPracticeKey, indexBestPractices } from './catalogue-index.ts';
import {
  PILLAR_TITLES,
  type BestPractice,
  type CoverageStatus,
  type LensCatalogue,
  type LensId,
  type PillarId,
} from './schema.ts';

/** One mapped best practice as a chapter's Well-Architected section shows it. */
export interface MappingItem {
  bestPractice: BestPractice;
  questionId: string;
  questionTitle: string;
  status: CoverageStatus;
  how: string;
}

/** A chapter's mappings for one lens, grouped by pillar in AWS's order. */
export interface LensMappingGroup {
  lens: Pick<LensCatalogue, 'id' | 'title' | 'shortTitle' | 'url' | 'edition'>;
  pillars: Array<{ id: PillarId; title: string; items: MappingItem[] }>;
  counts: Record<CoverageStatus, number>;
}

/**
 * Group a chapter's lens references by lens and pillar, in catalogue order, joined with AWS's
 * titles and URLs. Unknown ids are left out here; the build reports them before this runs.
 */
export function groupLensMappings(
  catalogues: ReadonlyArray<LensCatalogue>,
  refs: ReadonlyArray<{ lens: LensId; id: string; status: CoverageStatus; how: string }>,
): LensMappingGroup[] {
  const index = indexBestPractices(catalogues);
  const found = refs.flatMap((ref) => {
    const entry = index.get(bestPracticeKey(ref.lens, ref.id));
    return entry ? [{ ref, entry }] : [];
  });
  return catalogues.flatMap((lens) => {
    const mine = found
      .filter((f) => f.entry.lens.id === lens.id)
      .sort((a, b) => a.entry.order - b.entry.order);
    if (!mine.length) return [];
    const pillars = lens.pillars
      .map((p) => ({
        id: p.id,
        title: PILLAR_TITLES[p.id],
        items: mine
          .filter((f) => f.entry.pillar === p.id)
          .map(({ ref, entry }) => ({
            bestPractice: entry.bestPractice,
            questionId: entry.question.id,
            questionTitle: entry.question.title,
            status: ref.status,
            how: ref.how,
          })),
      }))
      .filter((p) => p.items.length > 0);
    const counts: Record<CoverageStatus, number> = { addressed: 0, partial: 0, 'not-addressed': 0 };
    for (const { ref } of mine) counts[ref.status]++;
    const { id, title, shortTitle, url, edition } = lens;
    return [{ lens: { id, title, shortTitle, url, edition }, pillars, counts }];
  });
}

/** The heading of a chapter's lens section, which sits after the MDX body: the ToC adds it. */
export const WELL_ARCHITECTED_HEADING = {
  depth: 2,
  slug: 'well-architected',
  text: 'Well-Architected',
} as const;
