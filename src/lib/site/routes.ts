// Every URL the site links to, spelled once. `routes` gives root-relative paths, the shape data
// carries (map nodes, panels, config pages), because the base path is only known where markup is
// rendered; `routesFor(base)` gives the same routes with the base path applied, for markup.
// The pages under src/pages/ must serve these paths: the built-site comparison and the link
// check catch a route that points nowhere.

/** Join the site's base path and a root-relative path, e.g. ('/pr-4/', '/data-storage/') → '/pr-4/data-storage/'. */
export function withBase(base: string, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** Chapter sections other pages link into, by their heading's id. */
export type ChapterSection = 'well-architected' | 'production-readiness-checklist';

/** Root-relative paths of every page and file the site serves; add the base with `withBase` or use `routesFor`. */
export const routes = {
  /** The platform map (home page). */
  home: (): string => '/',
  /** The map with one component's summary open, e.g. "/?node=olap". */
  mapNode: (id: string): string => `/?node=${id}`,
  /** A component's chapter, optionally at one of its sections, e.g. "/olap/#well-architected". */
  chapter: (id: string, section?: ChapterSection): string =>
    `/${id}/${section ? `#${section}` : ''}`,
  /** The list of chapters, optionally at one part's group, e.g. "/chapters/#part-A". */
  chapters: (part?: string): string => `/chapters/${part ? `#part-${part}` : ''}`,
  /** Every component's production-readiness checklist on one page. */
  readiness: (): string => '/readiness/',
  /** The index of reference configs. */
  configs: (): string => '/configs/',
  /** A component's reference configs page. */
  config: (id: string): string => `/configs/${id}/`,
  /** One reference config file as plain text, e.g. "/configs/olap/files/druid/common.runtime.properties". */
  configFile: (id: string, path: string): string => `/configs/${id}/files/${path}`,
  /** A component's config folder as one zip. */
  configZip: (id: string): string => `/configs/${id}.zip`,
  /** The index of benchmarks. */
  benchmarks: (): string => '/benchmarks/',
  /** One benchmark's page. */
  benchmark: (id: string): string => `/benchmarks/${id}/`,
  /** The Well-Architected overview (coverage of every lens). */
  wellArchitected: (): string => '/well-architected/',
  /** One lens's page, with an optional query or fragment, e.g. "/well-architected/analytics/?pillar=security". */
  lens: (id: string, suffix = ''): string => `/well-architected/${id}/${suffix}`,
  /** One of the map's exports, e.g. "/downloads/platform.svg". */
  download: (file: string): string => `/downloads/${file}`,
  /** The sitemap index written by @astrojs/sitemap. */
  sitemapIndex: (): string => '/sitemap-index.xml',
} as const;

/** The site's routes. */
export type Routes = typeof routes;

/** The same routes, each returning its path with the site's base path applied. */
export function routesFor(base: string): Routes {
  const entries = Object.entries(routes).map(([name, route]) => [
    name,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: a union of route functions cannot be called with a spread (TS2556)
    (...args: never[]) => withBase(base, (route as (...a: never[]) => string)(...args)),
  ]);
  return Object.fromEntries(entries) as Routes;
}
