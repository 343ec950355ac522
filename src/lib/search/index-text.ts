// Pagefind puts a space between blocks it knows (p, td, li, div, headings…) but not after a table
// header cell, a definition term, a <summary> or a caption, so the index read "Responsibility" and
// "Source" in two <th> as "ResponsibilitySource", and excerpts showed the words run together. The
// integration gives Pagefind each page with a space after those closing tags; the served HTML is
// unchanged.

/** Closing tags of block-level elements Pagefind 1.x does not separate from what follows. */
const UNSEPARATED_BLOCKS = [
  'th',
  'tr',
  'thead',
  'tbody',
  'table',
  'caption',
  'dt',
  'dd',
  'dl',
  'summary',
  'details',
  'figcaption',
  'figure',
  'ol',
  'blockquote',
  'pre',
  'header',
  'main',
  'aside',
];

const CLOSING_TAG = new RegExp(`</(?:${UNSEPARATED_BLOCKS.join('|')})\\s*>`, 'gi');

/** The page's HTML with a space after each closing tag in UNSEPARATED_BLOCKS, for indexing only. */
export function separateBlocksForIndex(html: string): string {
  return html.replace(CLOSING_TAG, (tag) => `${tag} `);
}
