import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import expressiveCode from 'astro-expressive-code';
import { unified } from '@astrojs/markdown-remark';
import { remarkMermaid } from './src/lib/mermaid/remark-mermaid.ts';
import { rehypeReadinessChecklist } from './src/lib/markdown/rehype-readiness-checklist.ts';
import { rehypeScrollableTables } from './src/lib/markdown/rehype-scrollable-tables.ts';
import { rehypeBaseLinks } from './src/lib/markdown/rehype-base-links.ts';
import { rehypeSections } from './src/lib/markdown/rehype-sections.ts';
import pagefind from './src/integrations/pagefind.ts';
import csp from './src/integrations/csp.ts';
import hydrateOnIntent from './src/integrations/hydrate-on-intent.ts';

// SITE_URL and BASE_PATH let previews build under a sub-path (e.g. /pr-42/).
const site = process.env.SITE_URL ?? 'https://data-architecture-blueprint.github.io';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMermaid],
      rehypePlugins: [
        rehypeReadinessChecklist,
        rehypeScrollableTables,
        [rehypeBaseLinks, { base }],
        rehypeSections,
      ],
    }),
  },
  integrations: [
    // Options in ec.config.mjs, where the <Code> component can read them too.
    expressiveCode(),
    mdx(),
    react(),
    // client:intent, the map's hydration (src/scripts/hydrate-on-intent.ts).
    hydrateOnIntent(),
    sitemap(),
    // Adds each page's Content-Security-Policy <meta> from its finished HTML; before Pagefind so the
    // index sees final pages. Not Astro's security.csp: see src/integrations/csp.ts for why.
    csp(),
    // Last: indexes the finished HTML (see src/integrations/pagefind.ts).
    pagefind(),
  ],
});
