import { routes } from './routes.ts';

/** An entry in the header's primary navigation. */
export interface NavLink {
  href: string;
  label: string;
}

/** The header's sections; a section appears once its pages exist. */
export const primaryNav: NavLink[] = [
  { href: routes.home(), label: 'Map' },
  { href: routes.chapters(), label: 'Chapters' },
  { href: routes.configs(), label: 'Configs' },
  { href: routes.benchmarks(), label: 'Benchmarks' },
  { href: routes.wellArchitected(), label: 'Well-Architected' },
  { href: routes.readiness(), label: 'Readiness' },
];

/** True when `pathname` is inside the section at `href` (the map only on the home page itself). */
export function isCurrentSection(href: string, pathname: string, base = '/'): boolean {
  const path = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
  const normal = path.replace(/\/+/g, '/');
  return href === '/' ? normal === '/' : normal.startsWith(href);
}
