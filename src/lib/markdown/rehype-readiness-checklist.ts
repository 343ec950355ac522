import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { toItemIds } from '../readiness/item-id.ts';
import { routes } from '../site/routes.ts';

/**
 * Turn each GFM task list into a readiness checklist that works without JavaScript: the disabled
 * checkboxes GFM renders are removed (a box the reader cannot tick is a dead control), each item
 * gets a stable id from its text (data-readiness-item), and a progress line goes above the list.
 * src/scripts/readiness-chapter.ts then adds real, labelled checkboxes and keeps the line current.
 */
export function rehypeReadinessChecklist() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (ul: Element, index, parent) => {
      if (
        ul.tagName !== 'ul' ||
        !hasClass(ul, 'contains-task-list') ||
        parent === undefined ||
        index === undefined
      )
        return;
      const items = ul.children.filter(
        (c): c is Element => c.type === 'element' && c.tagName === 'li',
      );
      for (const li of items) li.children = withoutCheckbox(li.children);
      const ids = toItemIds(
        items.map((li) => toString(li).replace(/\s+/g, ' ').trim()),
        file.path ?? 'a chapter',
      );
      items.forEach((li, i) => (li.properties['dataReadinessItem'] = ids[i]!));
      ul.properties['className'] = ['readiness-list'];
      ul.properties['dataReadinessList'] = '';
      // A polite live region must be in the page before its text changes to be announced, so it
      // is rendered here; without JavaScript it simply says how many items the list has.
      const progress: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['readiness-progress'] },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { dataReadinessProgress: '', ariaLive: 'polite' },
            children: [{ type: 'text', value: `${items.length} items` }],
          },
          { type: 'text', value: '. ' },
          // Root-relative: rehypeBaseLinks, which runs after this plugin, adds the base path.
          {
            type: 'element',
            tagName: 'a',
            properties: { href: routes.readiness() },
            children: [{ type: 'text', value: 'Readiness of all components' }],
          },
          { type: 'text', value: ' (export, import, clear).' },
        ],
      };
      parent.children.splice(index, 0, progress);
      return index + 2;
    });
  };
}

/** Whether an element has a class. */
function hasClass(el: Element, name: string): boolean {
  const value = el.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

/** An item's children without GFM's checkbox and the space after it. */
function withoutCheckbox(children: ElementContent[]): ElementContent[] {
  const i = children.findIndex((c) => c.type === 'element' && c.tagName === 'input');
  if (i === -1) return children;
  const rest = [...children.slice(0, i), ...children.slice(i + 1)];
  const next = rest[i];
  if (next?.type === 'text') rest[i] = { ...next, value: next.value.replace(/^\s+/, '') };
  return rest;
}
