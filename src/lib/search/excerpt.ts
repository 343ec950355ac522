// Pagefind excerpts are HTML strings: page text with entities escaped and matches wrapped in
// <mark>. The dialog never assigns them to innerHTML; it turns them into plain segments here and
// builds text nodes and <mark> elements from those, so no markup from the index can run.

/** A run of excerpt text; `marked` runs matched the query. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode the character references Pagefind writes (&amp; &lt; &#39; …); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Split an excerpt into marked and unmarked text. Only <mark> and </mark> carry meaning; any other
 * tag is dropped, and text is entity-decoded so it can go straight into a text node.
 */
export function parseExcerpt(html: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let marked = false;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  let rest = html;
  while (rest.length) {
    const tag = /<\/?[a-z][^>]*>/i.exec(rest);
    if (!tag) {
      push(rest);
      break;
    }
    push(rest.slice(0, tag.index));
    const name = /^<\/?([a-z0-9-]+)/i.exec(tag[0])?.[1]?.toLowerCase();
    if (name === 'mark') marked = !tag[0].startsWith('</');
    rest = rest.slice(tag.index + tag[0].length);
  }
  return segments;
}

/** Plain text of an excerpt, for accessible names and tests. */
export function excerptText(html: string): string {
  return parseExcerpt(html)
    .map((s) => s.text)
    .join('');
}
