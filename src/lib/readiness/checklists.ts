/**
 * Build-time reading of each chapter's production-readiness checklist from its MDX source, for
 * the /readiness/ page. Chapter pages get the same ids from the rendered list (see
 * src/lib/markdown/rehype-readiness-checklist.ts); both derive them from the item's plain text.
 */
import type { ListItem } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { toItemIds } from './item-id.ts';
import type { Checklist } from './progress.ts';

/** The h2 heading whose section holds the checklist (see src/lib/chapter/structure.ts). */
export const CHECKLIST_HEADING = 'Production-readiness checklist';

/** Plain text of each task-list item in a chapter body's checklist section, in order. */
export function extractChecklistTexts(body: string): string[] {
  const start = body.search(new RegExp(`^## +${CHECKLIST_HEADING}`, 'm'));
  if (start === -1) return [];
  const rest = body.slice(start).replace(/^.*\n/, '');
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  const tree = fromMarkdown(section, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const texts: string[] = [];
  visit(tree, 'listItem', (item: ListItem) => {
    if (typeof item.checked === 'boolean') texts.push(toString(item).replace(/\s+/g, ' ').trim());
  });
  return texts;
}

/** A chapter's checklist with ids; throws (naming the file) when two items would share an id. */
export function toChecklist(chapter: string, title: string, body: string): Checklist {
  const texts = extractChecklistTexts(body);
  const ids = toItemIds(texts, `content/chapters/${chapter}.mdx`);
  return { chapter, title, items: texts.map((text, i) => ({ id: ids[i]!, text })) };
}
