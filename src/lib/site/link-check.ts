import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

/** A built site: every file path under dist/ (e.g. "data-storage/index.html") and the HTML of each page. */
export interface BuiltSite {
  files: ReadonlySet<string>;
  pages: ReadonlyMap<string, string>;
}

const LINK_ATTRS: Record<string, string> = {
  a: 'href',
  link: 'href',
  img: 'src',
  script: 'src',
  source: 'src',
};

/** Map a URL path (after removing the base) to the file that serves it. */
function fileForPath(path: string): string {
  const clean = decodeURIComponent(path.replace(/^\//, ''));
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  return clean;
}

/** Collect the element ids of a page (anchor targets). */
export function collectIds(html: string): Set<string> {
  const ids = new Set<string>();
  visit(fromHtml(html), 'element', (el: Element) => {
    const id = el.properties?.['id'];
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

/**
 * Find internal links, assets and #anchors that lead nowhere. External links are returned
 * separately (listed, not fetched). Each problem names the page, the link and why it is broken.
 */
export function checkLinks(site: BuiltSite, base = '/'): { broken: string[]; external: string[] } {
  const broken: string[] = [];
  const external = new Set<string>();
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, collectIds(site.pages.get(file) ?? ''));
    return idCache.get(file)!;
  };
  const root = base.endsWith('/') ? base : `${base}/`;

  for (const [page, html] of site.pages) {
    const pageUrl = new URL(`http://site${root}${page.replace(/index\.html$/, '')}`);
    visit(fromHtml(html), 'element', (el: Element) => {
      const attr = LINK_ATTRS[el.tagName];
      const value = attr ? el.properties?.[attr === 'href' ? 'href' : 'src'] : undefined;
      if (typeof value !== 'string' || value === '') return;
      if (/^(mailto|tel|data|javascript):/i.test(value)) return;
      const url = new URL(value, pageUrl);
      if (url.host !== 'site') {
        external.add(url.href);
        return;
      }
      if (!url.pathname.startsWith(root)) {
        broken.push(`${page}: ${el.tagName} "${value}" is outside the site base ${root}`);
        return;
      }
      const target = fileForPath(url.pathname.slice(root.length - 1));
      if (!site.files.has(target)) {
        broken.push(`${page}: ${el.tagName} "${value}" → ${target} does not exist`);
        return;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash))
        broken.push(`${page}: link "${value}" → no element with id "${hash}" in ${target}`);
    });
  }
  return { broken, external: [...external].sort() };
}
