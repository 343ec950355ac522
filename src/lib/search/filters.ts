// Search filters: pages carry `kind:<chapter|config|benchmark|lens>` and, when they belong to one
// component, `part:<letter> <title>` (e.g. "A Data ingestion"). These helpers turn Pagefind's
// filter counts into the dialog's <select> options and the reader's choice back into a query.
import type { PagefindFilterCounts, PagefindFilters } from './pagefind-api.ts';

/** Kinds of page in reading order, with the label the dialog shows. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  chapter: 'Chapter',
  config: 'Config',
  benchmark: 'Benchmark',
  lens: 'Lens mapping',
};

/** Plural labels for the kind filter's options. */
const KIND_OPTION_LABELS: Readonly<Record<string, string>> = {
  chapter: 'Chapters',
  config: 'Configs',
  benchmark: 'Benchmarks',
  lens: 'Lens mappings',
};

/** One option of a filter <select>. */
export interface FilterOption {
  /** Filter value exactly as indexed, e.g. "A Data ingestion". */
  value: string;
  /** Text shown, e.g. "A · Data ingestion (4)". */
  label: string;
  /** Pages carrying this value. */
  count: number;
}

/** The reader's filter choice; an empty string or a missing key means "any". */
export interface FilterSelection {
  part?: string | undefined;
  kind?: string | undefined;
}

/** Label of a kind of page, e.g. "lens" → "Lens mapping"; unknown kinds are shown as written. */
export function getKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Split a part filter value "A Data ingestion" into its letter and title. */
export function parsePartValue(value: string): { id: string; title: string } {
  const match = /^([A-Z])\s+(.+)$/.exec(value.trim());
  return match ? { id: match[1]!, title: match[2]! } : { id: '', title: value.trim() };
}

/** Turn Pagefind's filter counts into ordered <select> options for parts and kinds. */
export function toFilterOptions(counts: PagefindFilterCounts): {
  parts: FilterOption[];
  kinds: FilterOption[];
} {
  const order = Object.keys(KIND_LABELS);
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  const kinds = Object.entries(counts.kind ?? {})
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([value, count]) => ({
      value,
      count,
      label: `${KIND_OPTION_LABELS[value] ?? value} (${count})`,
    }));
  const parts = Object.entries(counts.part ?? {})
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, count]) => {
      const { id, title } = parsePartValue(value);
      return { value, count, label: `${id ? `${id} · ` : ''}${title} (${count})` };
    });
  return { parts, kinds };
}

/** Turn the reader's choice into Pagefind's filter object, leaving out "any". */
export function toSearchFilters(selection: FilterSelection): PagefindFilters {
  const filters: PagefindFilters = {};
  if (selection.part) filters.part = selection.part;
  if (selection.kind) filters.kind = selection.kind;
  return filters;
}

/**
 * The part filter values ("B Data platform") of the components a page is about, deduplicated in
 * part order. An unknown component id throws, naming the known ones.
 */
export function toPartFilterValues(
  componentIds: readonly string[],
  graph: {
    nodes: readonly { id: string; part: string }[];
    parts: readonly { id: string; title: string }[];
  },
): string[] {
  const partIds = new Set(
    componentIds.map((id) => {
      const node = graph.nodes.find((n) => n.id === id);
      if (!node)
        throw new Error(
          `Search filters: component "${id}" is not a node of diagram/graph.yaml. Known nodes: ${graph.nodes.map((n) => n.id).join(', ')}`,
        );
      return node.part;
    }),
  );
  return graph.parts.filter((p) => partIds.has(p.id)).map((p) => `${p.id} ${p.title}`);
}
