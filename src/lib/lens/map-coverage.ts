import { countBestPractices } from './filter.ts';
import { LENS_IDS, type CoverageStatus, type LensId } from './schema.ts';
import { routes } from '../site/routes.ts';

/** Counts of one component's mappings in one lens, by status. */
export type StatusCounts = Record<CoverageStatus, number>;

/** What the map panel shows about a component's Well-Architected coverage. */
export interface ComponentLensCoverage {
  /** Root-relative link to the chapter's Well-Architected section (add the site base when rendering). */
  href: string;
  /** Link text for the panel. */
  label: string;
  /** Short words after the link, e.g. "12 best practices: 9 addressed, 3 partly". */
  note: string;
  /** Number of mapped best practices across all lenses. */
  total: number;
  /** Counts per lens and status; every lens is present, with zeros where the chapter maps none. */
  lenses: Record<LensId, StatusCounts>;
  /** One sentence for the panel and screen readers, e.g. "Well-Architected: Analytics 9 addressed, 3 partial; …". */
  summary: string;
}

const LENS_LABELS: Record<LensId, string> = {
  analytics: 'Data Analytics',
  'machine-learning': 'Machine Learning',
  'financial-services': 'Financial Services',
};

/** Describe counts in words, leaving out zeros. */
function describeCounts(counts: StatusCounts): string {
  const parts = [
    counts.addressed && `${counts.addressed} addressed`,
    counts.partial && `${counts.partial} partly`,
    counts['not-addressed'] && `${counts['not-addressed']} not addressed`,
  ].filter(Boolean);
  return parts.join(', ');
}

/**
 * Per component id, its lens coverage for the map panel: counts per lens and status, a link to
 * the chapter's Well-Architected section and a one-line summary. Pure; takes chapters as loaded.
 */
export function summariseLensCoverage(
  chapters: ReadonlyArray<{
    id: string;
    data: { lenses: ReadonlyArray<{ lens: LensId; status: CoverageStatus }> };
  }>,
): Record<string, ComponentLensCoverage> {
  const result: Record<string, ComponentLensCoverage> = {};
  for (const chapter of chapters) {
    const lenses = Object.fromEntries(
      LENS_IDS.map((id) => [id, { addressed: 0, partial: 0, 'not-addressed': 0 }]),
    ) as Record<LensId, StatusCounts>;
    for (const ref of chapter.data.lenses) lenses[ref.lens][ref.status]++;
    const all = { addressed: 0, partial: 0, 'not-addressed': 0 };
    for (const ref of chapter.data.lenses) all[ref.status]++;
    const total = chapter.data.lenses.length;
    const described = LENS_IDS.map((id) => [id, describeCounts(lenses[id])] as const).filter(
      ([, text]) => text,
    );
    result[chapter.id] = {
      href: routes.chapter(chapter.id, 'well-architected'),
      label: 'Well-Architected mappings',
      note: total ? `${countBestPractices(total)}: ${describeCounts(all)}` : 'none mapped yet',
      total,
      lenses,
      summary: described.length
        ? `Well-Architected: ${described.map(([id, text]) => `${LENS_LABELS[id]} ${text}`).join('; ')}.`
        : 'Well-Architected: no best practices mapped yet.',
    };
  }
  return result;
}
