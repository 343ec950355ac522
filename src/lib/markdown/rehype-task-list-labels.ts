import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * GFM task lists render bare, disabled checkboxes; give each one the item's text as its
 * accessible name so checklists pass WCAG's "form controls have labels" rule.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (li: Element) => {
      if (li.tagName !== 'li') return;
      const input = li.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
      if (!input || input.properties?.['type'] !== 'checkbox') return;
      input.properties['ariaLabel'] = toString(li).trim().replace(/\s+/g, ' ');
    });
  };
}
