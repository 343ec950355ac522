import type { APIRoute } from 'astro';
import { routesFor } from '../lib/site/routes.ts';

/** robots.txt pointing crawlers at the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(routesFor(import.meta.env.BASE_URL).sitemapIndex(), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain' },
  });
};
