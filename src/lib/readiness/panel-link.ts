import type { PanelLink } from '../graph/panel.ts';
import {
  countReady,
  formatProgress,
  readTicks,
  STORAGE_KEY,
  type Checklist,
  type Ticks,
} from './progress.ts';
import { routes } from '../site/routes.ts';

/** The hash at the end of an item id ("the-ad-hoc-and-1nt09ne" gives "1nt09ne"; see item-id.ts). */
function hashOf(id: string): string {
  return id.slice(id.lastIndexOf('-') + 1);
}

/**
 * The map panel's link to a component's readiness checklist. The note is the item count, which
 * the panel replaces with the reader's own progress when it can read their ticks. Items travel
 * as their hashes only: the hash covers every word of the item, the slug before it is for people.
 */
export function toReadinessPanelLink(checklist: Checklist | undefined): PanelLink | undefined {
  if (!checklist || checklist.items.length === 0) return undefined;
  return {
    href: routes.chapter(checklist.chapter, 'production-readiness-checklist'),
    label: 'Production-readiness checklist',
    note: `${checklist.items.length} items`,
    readiness: {
      chapter: checklist.chapter,
      items: checklist.items.map((i) => hashOf(i.id)).join(' '),
    },
  };
}

/** A panel link's checklist, as the map carries it (see PanelLink['readiness']). */
export type PanelReadiness = NonNullable<PanelLink['readiness']>;

/** How many of a panel link's items the ticks mark ready, out of how many (stale ticks do not count). */
export function countPanelReadiness(
  readiness: PanelReadiness,
  ticks: Ticks,
): { ready: number; total: number } {
  const hashes = readiness.items.split(' ');
  const ticked = { [readiness.chapter]: (ticks[readiness.chapter] ?? []).map(hashOf) };
  return { ready: countReady(ticked, readiness.chapter, hashes), total: hashes.length };
}

/** This browser's stored ticks; undefined where storage is blocked or absent (as during server rendering). */
export function readStoredTicks(): Ticks | undefined {
  try {
    return readTicks(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/**
 * The reader's progress on a panel link's checklist from this browser's storage, e.g.
 * "2 of 13 ready"; undefined where storage is blocked or absent (as during server rendering).
 */
export function readPanelProgress(readiness: PanelReadiness): string | undefined {
  const ticks = readStoredTicks();
  if (!ticks) return undefined;
  const { ready, total } = countPanelReadiness(readiness, ticks);
  return formatProgress(ready, total);
}

/** Each component's progress for the map's readiness view, from its panel's checklist link; components without a checklist are left out. */
export function countMapReadiness(
  panels: Record<string, { links: PanelLink[] }>,
  ticks: Ticks,
): Record<string, { ready: number; total: number }> {
  const counts: Record<string, { ready: number; total: number }> = {};
  for (const [id, panel] of Object.entries(panels)) {
    const readiness = panel.links.find((l) => l.readiness)?.readiness;
    if (readiness) counts[id] = countPanelReadiness(readiness, ticks);
  }
  return counts;
}
