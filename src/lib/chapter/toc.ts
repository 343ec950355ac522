/** A heading as Astro's render() reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A table-of-contents entry with its sub-entries. */
export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Nest h2 and h3 headings into a two-level table of contents; other depths are left out. */
export function buildToc(headings: ReadonlyArray<Heading>): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    const entry = { slug: h.slug, text: h.text.replace(/#$/, '').trim(), children: [] };
    if (h.depth === 2) toc.push(entry);
    else if (h.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push(entry);
      else toc.push(entry);
    }
  }
  return toc;
}
