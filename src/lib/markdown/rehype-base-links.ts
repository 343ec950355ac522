import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../site/routes.ts';

const URL_ATTRS: Record<string, string> = { a: 'href', img: 'src', source: 'src' };

/**
 * Chapters link to each other root-relative (`[ETL](/etl-cluster/)`); prefix those links and
 * images with the site's base path so they still resolve when the site is built under a
 * sub-path (PR previews at /<repo>/pr-<n>/). Protocol-relative `//host` URLs are left alone.
 */
export function rehypeBaseLinks(options: { base?: string } = {}) {
  const base = options.base ?? '/';
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (el: Element) => {
      const attr = URL_ATTRS[el.tagName];
      const value = attr ? el.properties?.[attr] : undefined;
      if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return;
      if (value.startsWith(base)) return;
      el.properties[attr!] = withBase(base, value);
    });
  };
}
