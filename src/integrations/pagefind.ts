// Build the Pagefind search index over the finished site, as the last step of `astro build`.
// Pages opt in with data-pagefind-body (BaseLayout sets it on content pages), so the home page,
// the chapter list and the 404 page stay out of the results.
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { separateBlocksForIndex } from '../lib/search/index-text.ts';

/** HTML files under `dir`, as paths relative to it with forward slashes. */
function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Options for the Pagefind integration; the defaults suit this site. */
export interface PagefindIntegrationOptions {
  /**
   * Elements never indexed, on top of data-pagefind-ignore. Default: Expressive Code's copy
   * buttons and frame titles, which repeat on every code block and carry no meaning.
   */
  excludeSelectors?: string[];
}

/** An Astro integration that indexes the built HTML with Pagefind's Node API into `<outDir>/pagefind/`. */
export default function pagefindIntegration(
  options: PagefindIntegrationOptions = {},
): AstroIntegration {
  const excludeSelectors = options.excludeSelectors ?? [
    '.expressive-code .copy',
    '.expressive-code figcaption .title',
  ];
  return {
    name: 'blueprint:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: 'en',
          excludeSelectors,
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          // Page by page rather than addDirectory, so each page's block boundaries read as spaces.
          let pageCount = 0;
          for (const file of listHtmlFiles(site)) {
            const added = await index.addHTMLFile({
              sourcePath: file,
              content: separateBlocksForIndex(readFileSync(join(site, file), 'utf8')),
            });
            if (added.errors.length)
              throw new Error(
                `Pagefind failed to index ${join(site, file)}:\n${added.errors.join('\n')}`,
              );
            if (added.file?.uniqueWords) pageCount++;
          }
          if (pageCount === 0) {
            throw new Error(
              `Pagefind indexed no pages in ${site}: content pages must carry data-pagefind-body (see src/layouts/BaseLayout.astro).`,
            );
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind failed to write its bundle:\n${written.errors.join('\n')}`);
          logger.info(
            `indexed ${pageCount} pages into ${written.outputPath} in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
