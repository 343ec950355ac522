// Pagefind returns only pages that contain every word of a query, so one word a page lacks
// ("how do I stop small files": the small-files benchmark never says "stop") hides it. When the
// full query finds too little, the search also asks for the query less a word or two and lists
// those pages below the full matches, best-matching first.

/** A search hit as ranked here: Pagefind's id and score are all the merge needs. */
export interface RankedHit {
  id: string;
  score: number;
}

/** Below this many full matches (one batch of results in the dialog), pages matching most of the words are added after them. */
export const FALLBACK_BELOW = 8;

/** Every way to keep `size` of `words`, in their order, e.g. 2 of [a b c] → [a b] [a c] [b c]. */
export function listSubsets(words: readonly string[], size: number): string[][] {
  if (size <= 0) return [[]];
  if (words.length < size) return [];
  const [first, ...rest] = words;
  return [...listSubsets(rest, size - 1).map((s) => [first!, ...s]), ...listSubsets(rest, size)];
}

/**
 * The partial queries to try, tier by tier: first the query less one word, then less two, down to
 * half its words (at least one). A one-word query has no tiers.
 */
export function toFallbackTiers(terms: string): string[][] {
  const words = terms.split(/\s+/).filter(Boolean);
  const tiers: string[][] = [];
  for (let size = words.length - 1; size >= Math.max(1, Math.ceil(words.length / 2)); size--) {
    tiers.push(listSubsets(words, size).map((s) => s.join(' ')));
  }
  return tiers;
}

/**
 * Search `terms`; when fewer than `enough` pages match every word, add the pages of the first
 * tier of partial queries that finds any, after the full matches and ordered by their best score.
 * `full` counts the pages that matched every word.
 */
export async function searchWithFallback<R extends RankedHit>(
  terms: string,
  run: (term: string) => Promise<readonly R[]>,
  enough = FALLBACK_BELOW,
): Promise<{ results: R[]; full: number }> {
  const full = [...(await run(terms))];
  if (full.length >= enough) return { results: full, full: full.length };
  const seen = new Set(full.map((r) => r.id));
  for (const tier of toFallbackTiers(terms)) {
    const best = new Map<string, R>();
    for (const hits of await Promise.all(tier.map(run))) {
      for (const hit of hits) {
        if (seen.has(hit.id)) continue;
        const known = best.get(hit.id);
        if (!known || hit.score > known.score) best.set(hit.id, hit);
      }
    }
    if (best.size)
      return {
        results: [...full, ...[...best.values()].sort((a, b) => b.score - a.score)],
        full: full.length,
      };
  }
  return { results: full, full: full.length };
}
