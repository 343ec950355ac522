// The search budget: what Pagefind's bundle weighs, what a reader downloads for a first search and
// how long until the first result shows. scripts/search-budget.ts measures; these functions sort,
// total and judge the figures.

/** A file of the Pagefind bundle, its path relative to pagefind/, size on disk and gzipped. */
export interface BundleFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** The parts of a Pagefind bundle, by role. `ui` is Pagefind's own UI, written but never loaded here. */
export type BundlePart = 'loader' | 'wasm' | 'meta' | 'index' | 'fragments' | 'filters' | 'ui';

/** Totals of one part of the bundle. */
export interface PartTotal {
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** Limits the measured figures must stay under. */
export interface SearchBudget {
  /** Gzipped size of the script every page loads (header button and shortcuts), in bytes. */
  buttonScriptGzip: number;
  /** Bytes transferred from the moment search opens until the first results show. */
  firstSearchBytes: number;
  /** Median time from opening search with a query to the first result on screen, cold cache, in ms. */
  coldFirstResultMs: number;
  /** Median time from typing a new query to its first result once search is loaded, in ms. */
  warmFirstResultMs: number;
}

/** The budget the site keeps; the warm time includes the dialog's 150 ms typing pause. */
export const SEARCH_BUDGET: SearchBudget = {
  buttonScriptGzip: 2_000,
  firstSearchBytes: 350_000,
  coldFirstResultMs: 1_500,
  warmFirstResultMs: 400,
};

/** Which part of the bundle a file is, from its path under pagefind/. */
export function classifyBundleFile(path: string): BundlePart {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('index/')) return 'index';
  if (p.startsWith('fragment/')) return 'fragments';
  if (p.startsWith('filter/')) return 'filters';
  if (p.startsWith('wasm.')) return 'wasm';
  if (p.endsWith('.pf_meta')) return 'meta';
  if (/^pagefind(-worker)?\.js$|^pagefind-entry\.json$/.test(p)) return 'loader';
  return 'ui';
}

/** Totals per part of the bundle, plus `all`. */
export function summariseBundle(
  files: readonly BundleFile[],
): Record<BundlePart | 'all', PartTotal> {
  const parts: BundlePart[] = ['loader', 'wasm', 'meta', 'index', 'fragments', 'filters', 'ui'];
  const totals = Object.fromEntries(
    [...parts, 'all'].map((p) => [p, { files: 0, bytes: 0, gzipBytes: 0 }]),
  ) as Record<BundlePart | 'all', PartTotal>;
  for (const file of files) {
    for (const key of [classifyBundleFile(file.path), 'all'] as const) {
      totals[key].files += 1;
      totals[key].bytes += file.bytes;
      totals[key].gzipBytes += file.gzipBytes;
    }
  }
  return totals;
}

/** One sentence per figure over its budget; empty when everything fits. */
export function findBudgetOverruns(
  measured: SearchBudget,
  budget: SearchBudget = SEARCH_BUDGET,
): string[] {
  const labels: Record<keyof SearchBudget, string> = {
    buttonScriptGzip: 'search button script (gzip, bytes)',
    firstSearchBytes: 'bytes transferred for the first search',
    coldFirstResultMs: 'cold time to first result (ms)',
    warmFirstResultMs: 'warm time to first result (ms)',
  };
  return (Object.keys(budget) as (keyof SearchBudget)[])
    .filter((key) => measured[key] > budget[key])
    .map(
      (key) => `${labels[key]}: ${Math.round(measured[key])} is over the budget of ${budget[key]}`,
    );
}
