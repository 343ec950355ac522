import type { ExpressiveCodePlugin } from 'astro-expressive-code';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Expressive Code's copy button is a bare `<button title="Copy to clipboard">`: give it
 * `type="button"` (it sits in no form and submits nothing) and an aria-label, so its name does
 * not rest on a tooltip and the HTML check (html-validate) passes; and drop its copy of the code
 * (data-code), which the page already shows. Runs after the frames plugin that adds the button.
 */
export function pluginCopyButtonMarkup(): ExpressiveCodePlugin {
  return {
    name: 'blueprint:copy-button-markup',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        visit(renderData.blockAst, 'element', (el: Element) => {
          if (el.tagName === 'pre')
            Object.assign(
              el.properties,
              scrollableRegionProperties(codeBlock.props.title, codeBlock.language, codeBlock.code),
            );
          if (el.tagName !== 'button' || el.properties?.['dataCode'] === undefined) return;
          // The copy text would repeat the whole block in an attribute (24 KB gzip on the largest
          // config page); src/scripts/code-copy.ts reads it from the rendered lines on click.
          delete el.properties['dataCode'];
          el.properties['dataCopyFromBlock'] = '';
          el.properties['type'] = 'button';
          el.properties['ariaLabel'] ??= String(el.properties['title'] ?? 'Copy to clipboard');
        });
      },
    },
  };
}

/**
 * Every code block starts as a named, focusable region, so a <pre> that scrolls sideways can be
 * reached by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) from the first paint and
 * without JavaScript. Expressive Code's runtime (tabindex-js-module) later drops tabindex and role
 * from blocks that do not overflow, after a ResizeObserver, a 250 ms timer and an idle callback;
 * starting from "not focusable" instead left every overflowing block unreachable until then, which
 * on a busy machine was after axe had looked (the CI failure on /experiment-tracking/).
 * src/scripts/code-regions.ts drops the aria-label when the role goes (ARIA prohibits naming a
 * generic element) and restores it from data-region-label if the block overflows again. The
 * name, after the title or first line, keeps several regions on a page distinct (axe
 * landmark-unique).
 */
export function scrollableRegionProperties(
  title: string | undefined,
  language: string,
  code: string,
) {
  const firstLine =
    code
      .split('\n')
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 60) ?? '';
  const label = title ? `Code: ${title}` : `${language} code: ${firstLine}`;
  return { tabIndex: 0, role: 'region', ariaLabel: label, dataRegionLabel: label };
}
