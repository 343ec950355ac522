// Write the platform map's exports (SVG, Mermaid, draw.io) to diagram/exports/, or check them.
//   node scripts/export-diagram.ts           write the three files
//   node scripts/export-diagram.ts --check   exit 1 when a committed export differs from the graph
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseGraph } from '../src/lib/graph/validate-graph.ts';
import { EXPORT_DIR, buildExportFiles, findStaleExports } from '../src/lib/graph/export-files.ts';
import { parseCommandLine } from './lib/cli.ts';

const { check } = parseCommandLine({
  command: 'node scripts/export-diagram.ts',
  summary:
    'Write the platform map exports (SVG, Mermaid, draw.io) to diagram/exports/, or check them.',
  options: {
    check: {
      type: 'boolean',
      help: 'exit 1 when a committed export differs from diagram/graph.yaml, writing nothing',
    },
  },
}).values;
const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const files = buildExportFiles(graph, readFileSync('src/styles/tokens.css', 'utf8'));

if (check) {
  const stale = findStaleExports(files, (path) =>
    existsSync(path) ? readFileSync(path, 'utf8') : undefined,
  );
  if (stale.length) {
    console.error(stale.join('\n'));
    process.exit(1);
  }
  console.log(`${files.length} exports in ${EXPORT_DIR}/ match diagram/graph.yaml`);
} else {
  mkdirSync(EXPORT_DIR, { recursive: true });
  for (const file of files) {
    writeFileSync(`${EXPORT_DIR}/${file.name}`, file.content);
    console.log(
      `${EXPORT_DIR}/${file.name} (${(Buffer.byteLength(file.content) / 1024).toFixed(1)} KB)`,
    );
  }
}
