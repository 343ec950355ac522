// Regenerates the upstream-derived schemas, key trees and name lists under
// src/lib/config/upstream/ from public repositories at pinned tags.
//
//   node scripts/refresh-schemas.ts --repos=DIR [--only=NAME[,NAME]]
//
// Each module in scripts/lib/schema-sources/ describes one upstream source (repository, pinned
// tag, licence) and how to derive files from a checkout of it. --repos names a folder holding
// bare git snapshots, one per repository, named `<owner>+<name>` (the layout of the search tool's
// `fetch`). The build and the tests never run this: they read the committed output, which
// records its source repository, tag, commit, licence and retrieval date.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SchemaSource } from './lib/schema-sources/types.ts';

const { values } = parseArgs({
  options: { repos: { type: 'string' }, only: { type: 'string' } },
});
if (!values.repos) {
  console.error(
    'refresh-schemas: --repos=DIR is required (a folder of git snapshots named owner+name)',
  );
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = join(here, 'lib', 'schema-sources');
const only = values.only ? new Set(values.only.split(',')) : undefined;
const modules = readdirSync(sourceDir).filter(
  (f) => f.endsWith('.ts') && f !== 'types.ts' && !f.endsWith('.test.ts'),
);

let failed = 0;
for (const file of modules.sort()) {
  const { source } = (await import(pathToFileURL(join(sourceDir, file)).href)) as {
    source: SchemaSource;
  };
  if (only && !only.has(source.name)) continue;
  try {
    const written = await source.refresh({ reposDir: values.repos, root: join(here, '..') });
    console.log(`${source.name}: ${source.repository}@${source.ref} -> ${written.join(', ')}`);
  } catch (error) {
    failed++;
    console.error(`${source.name}: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
