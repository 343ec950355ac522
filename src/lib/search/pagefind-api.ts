// The part of Pagefind's browser API (pagefind/pagefind.js, written by the build) that the search
// dialog uses. Pagefind ships these types only inside its bundle, so they are restated here.

/** Filter counts, e.g. { kind: { chapter: 17 }, part: { 'A Data ingestion': 4 } }. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

/** A filter query: every key must match one of its values (an array: all of them; `{ any }`: at least one). */
export type PagefindFilters = Record<string, string | string[] | { any: string[] }>;

/** Options given to pagefind.options() before the first search. */
export interface PagefindOptions {
  /** Path of the bundle folder, e.g. "/pr-42/pagefind/". */
  basePath?: string;
  /** Prefix put in front of every result URL, e.g. "/pr-42/". */
  baseUrl?: string;
  /** Words per excerpt. Default 30. */
  excerptLength?: number;
  /** Ranking knobs; metaWeights boosts pages whose metadata field matches the query. */
  ranking?: { metaWeights?: Record<string, number> };
}

/** A heading-delimited section of a page that matched. */
export interface PagefindSubResult {
  /** Heading text (or the page title for text before the first heading). */
  title: string;
  /** Page URL plus the heading's #anchor. */
  url: string;
  /** Excerpt with matches wrapped in <mark>. */
  excerpt: string;
  /** Matching words in this section with their relevance. */
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
  /** Present when the section starts at a heading with an id. */
  anchor?: { element: string; id: string; text?: string };
}

/** The loaded data of one result. */
export interface PagefindFragment {
  /** URL with baseUrl applied. */
  url: string;
  /** URL as indexed, without baseUrl. */
  raw_url?: string;
  /** Excerpt with matches wrapped in <mark>. */
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  /** Matching sections, in page order. */
  sub_results: PagefindSubResult[];
  /** Metadata: title, keywords, node… */
  meta: Record<string, string>;
  /** Filters the page carries: kind, part. */
  filters: Record<string, string[]>;
}

/** One hit, before its data is loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

/** What pagefind.search() resolves to. */
export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: PagefindFilterCounts;
  totalFilters: PagefindFilterCounts;
}

/** The module pagefind.js exports. */
export interface PagefindModule {
  options: (options: PagefindOptions) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: PagefindFilters },
  ) => Promise<PagefindSearchResponse>;
  filters: () => Promise<PagefindFilterCounts>;
  preload: (term: string, options?: { filters?: PagefindFilters }) => Promise<void>;
}
