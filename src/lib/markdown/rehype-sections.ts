import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Class of the <section> each second-level heading opens; styled in global.css. */
export const SECTION_CLASS = 'chapter-section';

/**
 * Wrap each h2 and what follows it, up to the next h2, in a <section>. A chapter is 15-20
 * phone screens long; CSS gives these sections content-visibility: auto, so the ones off screen
 * skip style, layout and paint while the page loads (the long tasks a phone would feel). What
 * comes before the first h2 stays as it is.
 */
export function rehypeSections() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        section = {
          type: 'element',
          tagName: 'section',
          properties: { className: [SECTION_CLASS] },
          children: [],
        };
        out.push(section);
      }
      if (section) section.children.push(node as ElementContent);
      else out.push(node);
    }
    tree.children = out;
  };
}
