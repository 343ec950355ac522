import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { headlessChromiumPath } from '../browser/chromium.ts';
import { MermaidDiagramError, renderMermaid } from './renderer.ts';

/** The two renderings every diagram gets; CSS shows the one matching the page theme. */
const THEMES = ['light', 'dark'] as const;
const MERMAID_THEME = { light: 'neutral', dark: 'dark' } as const;
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'mermaid');

/** Stable id prefix per diagram and theme so inline SVG ids never collide on a page. */
function prefixFor(source: string, theme: string): string {
  return `mmd-${createHash('sha256').update(source).digest('hex').slice(0, 10)}-${theme}`;
}

async function renderSvg(
  source: string,
  theme: (typeof THEMES)[number],
  where: string,
): Promise<string> {
  const prefix = prefixFor(source, theme);
  const cached = join(CACHE_DIR, `${prefix}.svg`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  let svg: string;
  try {
    svg = await renderMermaid(source, {
      prefix,
      config: { theme: MERMAID_THEME[theme], fontFamily: 'arial,sans-serif' },
    });
  } catch (error) {
    if (error instanceof MermaidDiagramError)
      throw new Error(
        `${where}: Mermaid diagram is invalid: ${error.message}\n--- diagram ---\n${source}`,
        { cause: error },
      );
    throw new Error(
      `${where}: could not render the Mermaid diagram (Chromium at ${headlessChromiumPath}; set CHROMIUM_PATH): ${String(error)}`,
      { cause: error },
    );
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, svg);
  return svg;
}

/**
 * Remark plugin: render ```mermaid blocks to inline SVG at build time, once per theme, so no
 * Mermaid JavaScript reaches the browser. Runs at the remark stage, before code highlighting.
 * An invalid diagram fails the build with the file, the line and Mermaid's message.
 */
export function remarkMermaid() {
  return async (tree: Root, file: { path?: string }) => {
    const blocks: Code[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'mermaid') blocks.push(node);
    });
    for (const node of blocks) {
      const where = `${file.path ?? 'unknown file'}:${node.position?.start.line ?? '?'}`;
      const figures: Element[] = [];
      for (const theme of THEMES) {
        const svg = await renderSvg(node.value, theme, where);
        const svgTree = fromHtml(svg, { fragment: true });
        figures.push({
          type: 'element',
          tagName: 'div',
          properties: { className: ['mermaid', `mermaid-${theme}`] },
          children: svgTree.children as Element[],
        });
      }
      const data = node as unknown as { type: string; data: Record<string, unknown> };
      data.type = 'mermaidDiagram';
      data.data = { hName: 'figure', hProperties: { className: ['diagram'] }, hChildren: figures };
    }
  };
}
