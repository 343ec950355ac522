// Shape Pagefind's result data into what the search dialog renders: a page with its kind and
// part, an excerpt, and the best-matching sections linking to their heading anchors.
import { parseExcerpt, type ExcerptSegment } from './excerpt.ts';
import { getKindLabel, parsePartValue } from './filters.ts';
import type { PagefindFragment, PagefindSubResult } from './pagefind-api.ts';

/** A section of a page that matched, linking to its heading. */
export interface SectionView {
  /** Heading text. */
  title: string;
  /** Page URL with the heading's #anchor. */
  url: string;
  excerpt: ExcerptSegment[];
}

/** One search result as the dialog shows it. */
export interface ResultView {
  /** Page URL, base path included. */
  url: string;
  /** Page title. */
  title: string;
  /** Kind of page (chapter, config, benchmark, lens); undefined when the page has none. */
  kind: string | undefined;
  /** Label of the kind, e.g. "Lens mapping"; empty when there is no kind. */
  kindLabel: string;
  /** The platform parts the page belongs to, in part order: one for a chapter, several for a benchmark. */
  parts: { id: string; title: string }[];
  /** Excerpt of the page around the best match. */
  excerpt: ExcerptSegment[];
  /** Best-matching sections, best first. */
  sections: SectionView[];
  /** Map node this result stands for (chapters only), so the map page can select it. */
  nodeId: string | undefined;
}

/** Relevance of a section: the sum of its matched words' scores, or their count without scores. */
function scoreSection(section: PagefindSubResult): number {
  const weighted = section.weighted_locations;
  if (!weighted?.length) return 0;
  return weighted.reduce(
    (sum, w) => sum + (Number.isFinite(w.balanced_score) ? w.balanced_score : w.weight),
    0,
  );
}

/** Pick the sections worth showing: those under a heading, best first, at most `max`. */
export function pickSections(
  subResults: readonly PagefindSubResult[],
  pageUrl: string,
  max = 3,
): SectionView[] {
  return subResults
    .map((section, order) => ({ section, order, score: scoreSection(section) }))
    .filter(({ section }) => section.anchor !== undefined && section.url !== pageUrl)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map(({ section }) => ({
      title: section.title,
      url: section.url,
      excerpt: parseExcerpt(section.excerpt),
    }));
}

/** Turn one loaded Pagefind result into the dialog's view of it. */
export function toResultView(fragment: PagefindFragment, maxSections = 3): ResultView {
  const kind = fragment.filters.kind?.[0];
  const node = fragment.meta.node?.trim();
  return {
    url: fragment.url,
    title: fragment.meta.title?.trim() || fragment.url,
    kind,
    kindLabel: kind ? getKindLabel(kind) : '',
    parts: [...(fragment.filters.part ?? [])].sort().map(parsePartValue),
    excerpt: parseExcerpt(fragment.excerpt),
    sections: pickSections(fragment.sub_results, fragment.url, maxSections),
    nodeId: kind === 'chapter' && node ? node : undefined,
  };
}

/** The sentence the live region reads after a search, e.g. "3 results for “late events”". */
export function describeResults(count: number, query: string, filtered: boolean): string {
  const q = query.trim();
  const scope = filtered ? ' with these filters' : '';
  if (!q) return count === 1 ? `1 page${scope}` : `${count} pages${scope}`;
  if (count === 0) return `No results for “${q}”${scope}`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${q}”${scope}`;
}
