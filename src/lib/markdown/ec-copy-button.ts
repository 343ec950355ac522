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
      postprocessRenderedBlock: ({ renderData }) => {
        visit(renderData.blockAst as Element, 'element', (el: Element) => {
          if (el.tagName !== 'button' || el.properties?.['dataCode'] === undefined) return;
          el.properties['type'] = 'button';
          el.properties['ariaLabel'] ??= String(el.properties['title'] ?? 'Copy to clipboard');
        });
      },
    },
  };
}
