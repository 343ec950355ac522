/** An entry in the header's primary navigation. */
export interface NavLink {
  href: string;
  label: string;
}

/** The header's sections; a section appears once its pages exist. */
export const primaryNav: NavLink[] = [
  { href: '/', label: 'Map' },
  { href: '/chapters/', label: 'Chapters' },
  { href: '/configs/', label: 'Configs' },
  { href: '/benchmarks/', label: 'Benchmarks' },
  { href: '/well-architected/', label: 'Well-Architected' },
  { href: '/readiness/', label: 'Readiness' },
];

/** True when `pathname` is inside the section at `href` (the map only on the home page itself). */
export function isCurrentSection(href: string, pathname: string, base = '/'): boolean {
  const path = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
  const normal = path.replace(/\/+/g, '/');
  return href === '/' ? normal === '/' : normal.startsWith(href);
}
