// The lens pages' pillar filter, the old matrix links' new home and the words their script writes.
// Runs in the browser: imports ids from ids.ts, never schema.ts, so zod stays out of the bundle.
import { LENS_IDS, PILLAR_IDS, type LensId, type PillarId } from './ids.ts';
import { routes } from '../site/routes.ts';

/** "1 best practice", "9 best practices". */
export function countBestPractices(count: number): string {
  return `${count} best practice${count === 1 ? '' : 's'}`;
}

/** A lens page's filter: one pillar, or all of them. */
export type PillarFilter = PillarId | 'all';

const isPillar = (value: string | null): value is PillarId =>
  PILLAR_IDS.includes(value as PillarId);
const isLens = (value: string | null): value is LensId => LENS_IDS.includes(value as LensId);

/** Read the filter from a URL query ("?pillar=security"); a missing or unknown value means all. */
export function parsePillarFilter(search: string): PillarFilter {
  const pillar = new URLSearchParams(search).get('pillar');
  return isPillar(pillar) ? pillar : 'all';
}

/** Write the filter as a URL query; empty string when nothing is filtered. */
export function formatPillarFilter(filter: PillarFilter): string {
  return filter === 'all' ? '' : `?${new URLSearchParams({ pillar: filter })}`;
}

/** True when an element tagged with a pillar passes the filter; untagged means any. */
export function matchesPillarFilter(filter: PillarFilter, pillar: string | undefined): boolean {
  return filter === 'all' || pillar === undefined || pillar === filter;
}

/**
 * Where a link to the one-page matrix that came before the lens pages ("?lens=<id>&pillar=<id>")
 * now leads: the lens's page path with the pillar filter kept, or undefined when it names no lens.
 */
export function lensPageFor(search: string): string | undefined {
  const lens = new URLSearchParams(search).get('lens');
  return isLens(lens)
    ? routes.lens(lens, formatPillarFilter(parsePillarFilter(search)))
    : undefined;
}

/** The summary line of a lens's open list: "77 best practices, 12 required by AWS". */
export function describeOpenGroup(count: number, required: number): string {
  return required > 0
    ? `${countBestPractices(count)}, ${required} required by AWS`
    : countBestPractices(count);
}
