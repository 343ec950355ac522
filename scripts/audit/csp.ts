// Content-Security-Policy over a build: every page carries a policy that allows exactly its inline
// scripts and styles, has no inline handlers, and loads nothing from another host (HTML and CSS).
//   node scripts/audit/csp.ts [--dir=dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPagePolicy } from '../../src/lib/audit/csp.ts';
import {
  findExternalLoadsInCss,
  findExternalLoadsInHtml,
} from '../../src/lib/audit/external-resources.ts';
import { listBuiltFiles } from '../../src/lib/audit/built-site.ts';
import { finish, parseAuditCommand } from '../lib/audit/cli.ts';

const { dir } = parseAuditCommand(
  'node scripts/audit/csp.ts',
  'Content-Security-Policy over a build: exact inline hashes, no inline handlers, nothing loaded from another host.',
  {},
);
const files = listBuiltFiles(dir);
const problems: string[] = [];
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(join(dir, file), 'utf8');
  problems.push(...checkPagePolicy(file, html));
  problems.push(
    ...findExternalLoadsInHtml(html).map((load) => `${file}: loads from another host: ${load}`),
  );
}
for (const file of files.filter((f) => f.endsWith('.css'))) {
  problems.push(
    ...findExternalLoadsInCss(readFileSync(join(dir, file), 'utf8')).map(
      (url) => `${file}: loads from another host: ${url}`,
    ),
  );
}
finish(
  'csp',
  problems,
  `${files.filter((f) => f.endsWith('.html')).length} pages carry a policy that covers their inline code; nothing loads from another host`,
);
