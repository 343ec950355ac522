import type { Element, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { rehypeSections, SECTION_CLASS } from '../../../src/lib/markdown/rehype-sections.ts';

/** The tree's outline: tag names, sections with their children in brackets. */
const shape = (nodes: RootContent[]): string =>
  nodes
    .filter((n): n is Element => n.type === 'element')
    .map((n) =>
      n.tagName === 'section'
        ? `section.${String((n.properties['className'] as string[])[0])}[${shape(n.children)}]`
        : n.tagName,
    )
    .join(' ');

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeSections()(tree);
  return shape(tree.children);
};

test('each h2 opens a section that runs to the next h2; the lead stays outside', () => {
  expect(
    run(
      '<p>Lead</p><h2 id="a">A</h2><p>a1</p><h3>A.1</h3><p>a2</p><h2 id="b">B</h2><ul><li>b</li></ul>',
    ),
  ).toBe(`p section.${SECTION_CLASS}[h2 p h3 p] section.${SECTION_CLASS}[h2 ul]`);
});

test('a page without h2 is left alone, and an h2 inside another element opens no section', () => {
  expect(run('<p>Only</p><div><h2>Inside</h2></div>')).toBe('p div');
});
