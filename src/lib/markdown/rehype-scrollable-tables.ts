import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Wide Markdown tables scroll sideways inside their own box on narrow screens; a scrollable
 * region must be reachable by keyboard (WCAG 2.1.1), so each table gets tabindex="0".
 */
export function rehypeScrollableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (el: Element) => {
      if (el.tagName === 'table') el.properties['tabIndex'] = 0;
    });
  };
}
