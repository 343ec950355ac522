import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Reads a built file by its path under the output folder (e.g. "_astro/x.js"); undefined if missing. */
export type ReadFile = (path: string) => Buffer | undefined;

/** What one page costs to load before the reader does anything, in gzip bytes. */
export interface PageWeight {
  /** Page file under the output folder, e.g. "data-storage/index.html". */
  page: string;
  /** The HTML document (inline scripts and styles included). */
  html: number;
  /** Every stylesheet the page links. */
  css: number;
  /**
   * Every script that runs without the reader asking: inline scripts, <script src> and their
   * static imports, and island components and renderers (hydrated on idle or when visible).
   * Dynamic imports (the search dialog, Pagefind) load on demand and are left out.
   */
  js: number;
  /** True when the page hydrates a framework island (React). */
  framework: boolean;
  /** The CSS and JS files counted, for the report. */
  files: string[];
}

/** Limits per page in gzip bytes. */
export interface Budget {
  html: number;
  css: number;
  js: number;
  /** Whether the page may hydrate a framework island. */
  framework: boolean;
}

/**
 * The site's budgets. Content pages ship no framework and at most 5 KB of script until the reader
 * opens search. The map page carries React 19 and React Flow (about 123 KB gzip in a bare page)
 * plus the island; schema validation belongs at build time, not in this bundle. HTML and CSS
 * limits leave room for longer chapters while catching a runaway page (a huge inlined SVG).
 */
export const BUDGETS: { map: Budget; content: Budget } = {
  map: { html: 80_000, css: 15_000, js: 150_000, framework: true },
  content: { html: 80_000, css: 15_000, js: 5_120, framework: false },
};

/** Pages allowed the map budget: the home page, where the map lives. */
export const MAP_PAGES = ['index.html'];

/** Gzip size of some bytes, at the default level a web server uses. */
export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes).length;
}

/** Turn a URL in a page into the built file it names, or undefined when it is not on this site. */
export function urlToFile(url: string, page: string, base: string): string | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  const resolved = new URL(url, `http://site${root}${page}`);
  if (resolved.host !== 'site' || !resolved.pathname.startsWith(root)) return undefined;
  return decodeURIComponent(resolved.pathname.slice(root.length));
}

/**
 * Imports of a JS module on this site, as files under the output folder: static ones, and with
 * `dynamic` also import("…") with a literal specifier (what loads on demand, e.g. the search dialog).
 */
async function moduleImports(file: string, source: string, dynamic: boolean): Promise<string[]> {
  await init;
  const [imports] = parse(source);
  return imports
    .filter(
      (i) => (i.d === -1 || (dynamic && i.d >= 0)) && i.n !== undefined && /^\.{0,2}\//.test(i.n),
    )
    .map((i) => new URL(i.n!, `http://site/${file}`).pathname.slice(1));
}

/**
 * JS files and everything they import, each once: the one import walker of the page-weight audit
 * and the map budget. Static imports only unless `dynamic` is set. A file that is imported but
 * missing from the build is an error, not a smaller total.
 */
export async function moduleGraph(
  entries: string[],
  read: ReadFile,
  options: { dynamic?: boolean } = {},
  seen = new Set<string>(),
): Promise<Set<string>> {
  for (const file of entries) {
    if (seen.has(file)) continue;
    const bytes = read(file);
    if (!bytes) throw new Error(`${file} is referenced but missing from the build`);
    seen.add(file);
    await moduleGraph(
      await moduleImports(file, bytes.toString('utf8'), options.dynamic ?? false),
      read,
      options,
      seen,
    );
  }
  return seen;
}

/** Measure what a built page loads up front: HTML, linked CSS and script run without interaction. */
export async function measurePage(
  page: string,
  html: string,
  read: ReadFile,
  base = '/',
): Promise<PageWeight> {
  const css = new Set<string>();
  const scripts: string[] = [];
  const inline: string[] = [];
  let framework = false;
  visit(fromHtml(html), 'element', (el: Element) => {
    const p = el.properties ?? {};
    const rel = Array.isArray(p['rel']) ? p['rel'].map(String) : [];
    if (el.tagName === 'link' && rel.includes('stylesheet') && typeof p['href'] === 'string') {
      const file = urlToFile(p['href'], page, base);
      if (file) css.add(file);
    }
    if (el.tagName === 'script') {
      if (typeof p['src'] === 'string') {
        const file = urlToFile(p['src'], page, base);
        if (file) scripts.push(file);
      } else if (!p['type'] || p['type'] === 'module' || p['type'] === 'text/javascript') {
        inline.push(el.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
      }
    }
    if (el.tagName === 'astro-island') {
      framework = true;
      for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const url = p[attr];
        const file = typeof url === 'string' && url ? urlToFile(url, page, base) : undefined;
        if (file) scripts.push(file);
      }
    }
  });
  const jsFiles = await moduleGraph(scripts, read);
  const size = (file: string) => {
    const bytes = read(file);
    if (!bytes) throw new Error(`${page}: ${file} is referenced but missing from the build`);
    return gzipSize(bytes);
  };
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + size(f), 0);
  return {
    page,
    html: gzipSize(html),
    css: sum(css),
    js: sum(jsFiles) + (inline.length ? gzipSize(inline.join('\n')) : 0),
    framework,
    files: [...css, ...jsFiles].sort(),
  };
}

/** The budget a page is held to. */
export function budgetFor(page: string): Budget {
  return MAP_PAGES.includes(page) ? BUDGETS.map : BUDGETS.content;
}

/** Every way a page exceeds its budget, as sentences saying by how much. */
export function checkBudget(weight: PageWeight, budget: Budget = budgetFor(weight.page)): string[] {
  const problems: string[] = [];
  if (weight.framework && !budget.framework)
    problems.push(
      `${weight.page}: hydrates a framework island, but content pages ship no framework JavaScript`,
    );
  for (const kind of ['html', 'css', 'js'] as const) {
    const over = weight[kind] - budget[kind];
    if (over > 0)
      problems.push(
        `${weight.page}: ${kind.toUpperCase()} is ${formatKb(weight[kind])} gzip, ${formatKb(over)} over the ${formatKb(budget[kind])} budget`,
      );
  }
  return problems;
}

/** Bytes as kilobytes with one decimal, e.g. 5120 → "5.0 KB". */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A Markdown table of page weights against their budgets, heaviest JavaScript first. */
export function formatWeightTable(weights: PageWeight[]): string {
  const rows = [...weights].sort((a, b) => b.js - a.js || a.page.localeCompare(b.page));
  const lines = ['| page | HTML | CSS | JS | framework |', '| --- | ---: | ---: | ---: | --- |'];
  for (const w of rows) {
    const b = budgetFor(w.page);
    const cell = (kind: 'html' | 'css' | 'js') =>
      `${formatKb(w[kind])}${w[kind] > b[kind] ? ' ⚠' : ''}`;
    lines.push(
      `| /${w.page.replace(/index\.html$/, '')} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${w.framework ? 'React' : 'none'} |`,
    );
  }
  return lines.join('\n');
}

/** The template a page is built from, as a path pattern: "security/index.html" → "/<chapter>/". */
export function pageGroup(page: string): string {
  const path = `/${page.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
  if (path === '/') return '/ (map)';
  const [first, second] = path.split('/').filter(Boolean);
  if (second) return `/${first}/<id>/`;
  return ['chapters', 'configs', 'benchmarks', 'well-architected', '404'].includes(first!)
    ? path
    : '/<chapter>/';
}

/** A Markdown table for the README: the heaviest page of each template, and how many there are. */
export function formatWeightSummary(weights: PageWeight[]): string {
  const groups = new Map<string, PageWeight[]>();
  for (const w of weights)
    groups.set(pageGroup(w.page), [...(groups.get(pageGroup(w.page)) ?? []), w]);
  const max = (ws: PageWeight[], kind: 'html' | 'css' | 'js') =>
    formatKb(Math.max(...ws.map((w) => w[kind])));
  const lines = [
    '| pages | count | HTML | CSS | JS before search | framework |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  const rows = [...groups].sort(
    (a, b) =>
      Math.max(...b[1].map((w) => w.js)) - Math.max(...a[1].map((w) => w.js)) ||
      a[0].localeCompare(b[0]),
  );
  for (const [group, ws] of rows)
    lines.push(
      `| ${group} | ${ws.length} | ${max(ws, 'html')} | ${max(ws, 'css')} | ${max(ws, 'js')} | ${ws.some((w) => w.framework) ? 'React' : 'none'} |`,
    );
  return lines.join('\n');
}
