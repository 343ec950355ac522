// The three diagram exports as files: built from the graph and the colour tokens by the same
// functions for the committed copies (scripts/export-diagram.ts), the site's downloads
// (src/pages/downloads/) and the drift check in the unit tests, so they cannot disagree.
import type { Graph } from './schema.ts';
import { readColourTokens } from './export-style.ts';
import { buildPlatformSvg } from './export-svg.ts';
import { buildPlatformMermaid } from './export-mermaid.ts';
import { buildPlatformDrawio } from './export-drawio.ts';

/** Folder of the committed exports, from the repository root. */
export const EXPORT_DIR = 'diagram/exports';

/** One generated export. */
export interface ExportFile {
  /** File name inside EXPORT_DIR and under /downloads/ on the site, e.g. "platform.svg". */
  name: string;
  /** What readers call the format, e.g. "Mermaid". */
  format: string;
  /** Media type the site serves it with. */
  mediaType: string;
  content: string;
}

/** Build every export from the validated graph and the text of src/styles/tokens.css. */
export function buildExportFiles(graph: Graph, tokensCss: string): ExportFile[] {
  const colours = readColourTokens(tokensCss);
  return [
    {
      name: 'platform.svg',
      format: 'SVG',
      mediaType: 'image/svg+xml',
      content: buildPlatformSvg(graph, colours),
    },
    {
      name: 'platform.mmd',
      format: 'Mermaid',
      mediaType: 'text/plain; charset=utf-8',
      content: buildPlatformMermaid(graph, colours),
    },
    {
      name: 'platform.drawio',
      format: 'draw.io',
      mediaType: 'application/xml',
      content: buildPlatformDrawio(graph, colours),
    },
  ];
}

/**
 * Compare the committed exports with what the graph produces. `readCommitted` returns a file's
 * text, or undefined when it does not exist. Returns one message per missing or stale file.
 */
export function findStaleExports(
  files: ExportFile[],
  readCommitted: (path: string) => string | undefined,
): string[] {
  return files.flatMap((file) => {
    const path = `${EXPORT_DIR}/${file.name}`;
    const committed = readCommitted(path);
    if (committed === undefined) return [`${path} is missing. Run: node scripts/export-diagram.ts`];
    if (committed !== file.content)
      return [
        `${path} differs from what diagram/graph.yaml and src/styles/tokens.css produce. Run: node scripts/export-diagram.ts, then commit it.`,
      ];
    return [];
  });
}
