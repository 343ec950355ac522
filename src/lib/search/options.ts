// Options every search runs with: where the bundle lives under the site's base path, excerpt
// length and how much a match in each metadata field counts. The dialog and the e2e query table
// both use these, so the table measures what readers get.
import type { PagefindOptions } from './pagefind-api.ts';

/**
 * Boost for a query that matches a page's metadata, per field (Pagefind's default is title 5,
 * every other field 1). `keywords` are the chapter's frontmatter terms and `aliases` the search
 * synonyms in aliases.ts: both name what the page is about, so they count almost like the title.
 * `tech` lists the technologies a chapter recommends; it weighs most because a product name is the
 * commonest query and config pages repeat it in every file, so "Trino" or "Airbyte" would
 * otherwise rank the configs above the chapter that explains the choice. Pagefind multiplies the
 * weight by the word's rarity, so `tech` holds only the chapter's own picks (tech-meta.ts) and
 * `uses` the ones another chapter is the home of, at the default weight. `node` is the map id,
 * read by the dialog but not meant to rank.
 */
export const META_WEIGHTS: Readonly<Record<string, number>> = {
  title: 5,
  keywords: 3,
  aliases: 3,
  tech: 20,
  uses: 1,
  node: 0,
};

/** Words per excerpt: about two lines in the dialog on a phone. */
export const EXCERPT_LENGTH = 22;

/** The base path with exactly one trailing slash, e.g. "/pr-42" → "/pr-42/". */
export function normaliseBase(base: string): string {
  return `${base.replace(/\/+$/, '')}/`;
}

/** URL of Pagefind's browser module under the site's base path. */
export function getPagefindModuleUrl(base: string): string {
  return `${normaliseBase(base)}pagefind/pagefind.js`;
}

/** Options for pagefind.options(): result URLs and the bundle are both under `base`. */
export function getPagefindOptions(base: string): PagefindOptions {
  const root = normaliseBase(base);
  return {
    basePath: `${root}pagefind/`,
    baseUrl: root,
    excerptLength: EXCERPT_LENGTH,
    ranking: { metaWeights: { ...META_WEIGHTS } },
  };
}
