import type { ExpressiveCodePlugin } from 'astro-expressive-code';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Expressive Code's copy button is a bare `<button title="Copy to clipboard">`: give it
 * `type="button"` (it sits in no form and submits nothing) and an aria-label, so its name does
 * not rest on a tooltip and the HTML check (html-validate) passes. Runs after the frames plugin
 * that adds the button.
 */
export function pluginCopyButtonMarkup(): ExpressiveCodePlugin {
  return {
    name: 'blueprint:copy-button-markup',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        // Expressive Code turns a scrollable <pre> into role="region" at runtime; store a name
        // after its title or first line, which src/scripts/code-regions.ts applies while the <pre>
        // is a region, so several regions on a page stay distinct (axe landmark-unique).
        const title = codeBlock.props.title;
        const firstLine = codeBlock.code.split('\n').find((l) => l.trim())?.trim().slice(0, 60) ?? '';
        const label = title ? `Code: ${title}` : `${codeBlock.language} code: ${firstLine}`;
        visit(renderData.blockAst as Element, 'element', (el: Element) => {
          if (el.tagName === 'pre') el.properties['dataRegionLabel'] = label;
          if (el.tagName !== 'button' || el.properties?.['dataCode'] === undefined) return;
          el.properties['type'] = 'button';
          el.properties['ariaLabel'] ??= String(el.properties['title'] ?? 'Copy to clipboard');
        });
      },
    },
  };
}
