import type { PanelLink } from '../graph/panel.ts';
import { countReady, formatProgress, readTicks, STORAGE_KEY, type Checklist } from './progress.ts';
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
    readiness: { chapter: checklist.chapter, items: checklist.items.map((i) => hashOf(i.id)).join(' ') },
  };
}

/**
 * The reader's progress on a panel link's checklist from this browser's storage, e.g.
 * "2 of 13 ready"; undefined where storage is blocked or absent (as during server rendering).
 */
export function readPanelProgress(readiness: NonNullable<PanelLink['readiness']>): string | undefined {
  try {
    const ticks = readTicks(window.localStorage.getItem(STORAGE_KEY));
    const hashes = readiness.items.split(' ');
    const ticked = { [readiness.chapter]: (ticks[readiness.chapter] ?? []).map(hashOf) };
    return formatProgress(countReady(ticked, readiness.chapter, hashes), hashes.length);
  } catch {
    return undefined;
  }
}
