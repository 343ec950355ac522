import { describe, expect, test } from 'vitest';
import type { Element, Root } from 'hast';
import { rehypeBaseLinks } from '../../../src/lib/markdown/rehype-base-links.ts';

const el = (tagName: string, properties: Record<string, string>): Element => ({
  type: 'element',
  tagName,
  properties,
  children: [],
});
const tree = (...children: Element[]): Root => ({ type: 'root', children });
const urls = (root: Root) =>
  root.children.map((c) => (c as Element).properties['href'] ?? (c as Element).properties['src']);

describe('rehypeBaseLinks', () => {
  test('prefixes root-relative links and images with the base path', () => {
    const root = tree(
      el('a', { href: '/etl-cluster/' }),
      el('a', { href: '/data-storage/#zones' }),
      el('img', { src: '/diagram.svg' }),
    );
    rehypeBaseLinks({ base: '/blueprint/pr-7/' })(root);
    expect(urls(root)).toEqual([
      '/blueprint/pr-7/etl-cluster/',
      '/blueprint/pr-7/data-storage/#zones',
      '/blueprint/pr-7/diagram.svg',
    ]);
  });

  test('leaves external, relative, anchor and already-based links alone', () => {
    const root = tree(
      el('a', { href: 'https://iceberg.apache.org/' }),
      el('a', { href: '//cdn.example.com/x' }),
      el('a', { href: '../etl-cluster/' }),
      el('a', { href: '#zones' }),
      el('a', { href: '/blueprint/pr-7/security/' }),
    );
    rehypeBaseLinks({ base: '/blueprint/pr-7/' })(root);
    expect(urls(root)).toEqual([
      'https://iceberg.apache.org/',
      '//cdn.example.com/x',
      '../etl-cluster/',
      '#zones',
      '/blueprint/pr-7/security/',
    ]);
  });

  test('changes nothing when the site is served from the root', () => {
    const root = tree(el('a', { href: '/etl-cluster/' }));
    rehypeBaseLinks({ base: '/' })(root);
    expect(urls(root)).toEqual(['/etl-cluster/']);
  });
});
