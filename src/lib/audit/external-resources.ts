import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Attributes through which a page loads something (links to other pages are not loads). */
const LOADS: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  embed: ['src'],
  object: ['data'],
  image: ['href', 'xLinkHref'],
  use: ['href', 'xLinkHref'],
};
/** <link rel> values that make the browser fetch the href. */
const FETCHING_RELS = [
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'icon',
  'manifest',
  'apple-touch-icon',
];

/** True when a URL reaches another host (absolute http(s) or protocol-relative). */
function isThirdParty(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/** Resources a page would fetch from another host, as "<tag attr> url" strings. */
export function findExternalLoadsInHtml(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html), 'element', (el: Element) => {
    const props = el.properties ?? {};
    const attrs = [...(LOADS[el.tagName] ?? [])];
    const rel = Array.isArray(props['rel']) ? props['rel'].map(String) : [];
    if (el.tagName === 'link' && rel.some((r) => FETCHING_RELS.includes(r))) attrs.push('href');
    for (const attr of attrs) {
      const value = props[attr];
      if (typeof value !== 'string') continue;
      const urls =
        attr === 'srcSet' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) if (isThirdParty(url)) found.push(`<${el.tagName} ${attr}> ${url}`);
    }
    const style = props['style'];
    if (typeof style === 'string')
      found.push(...findExternalLoadsInCss(style).map((u) => `<${el.tagName} style> ${u}`));
  });
  return found;
}

/** url(…) and @import targets on another host in a stylesheet. */
export function findExternalLoadsInCss(css: string): string[] {
  const urls = [
    ...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi),
  ].map((m) => m[2] ?? m[4] ?? '');
  return urls.filter(isThirdParty);
}
