/**
 * Stable ids for production-readiness checklist items, derived from the item's text so that a
 * tick stays with its item when items are reordered, added or removed around it.
 *
 * When an item's wording changes, its id changes too: ticks stored under the old id no longer
 * match any item, so the item shows as not ready and the old tick is ignored (not counted, and
 * dropped on the next export). That is deliberate: a reworded item may ask for something new, so
 * the reader should confirm it again. Changes that do not alter the words (case, spacing, Markdown
 * marks such as backticks, punctuation) keep the id.
 */

/** Reduce an item's plain text to its words: lower case, letters and digits, single spaces. */
export function normaliseItemText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, dependency-free and stable across runtimes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Derive an item's id from its plain text: the first words as a readable slug, then a hash of all
 * the words so two items that start alike still differ. Example: "the-ad-hoc-and-1x2y3z".
 */
export function toItemId(text: string): string {
  const words = normaliseItemText(text);
  if (words === '') throw new Error(`checklist item "${text}" has no words to derive an id from`);
  const slug = words.split(' ').slice(0, 4).join('-').slice(0, 32).replace(/-+$/, '');
  return `${slug}-${fnv1a(words).toString(36)}`;
}

/** Ids of a chapter's items, in order; throws naming both items when two share an id. */
export function toItemIds(texts: readonly string[], where: string): string[] {
  const seen = new Map<string, string>();
  return texts.map((text) => {
    const id = toItemId(text);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(
        `${where}: checklist items "${first}" and "${text}" have the same words, so they would share the id "${id}". Reword one of them.`,
      );
    }
    seen.set(id, text);
    return id;
  });
}
