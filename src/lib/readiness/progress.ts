/**
 * The reader's readiness ticks, as kept in the browser's localStorage: which checklist items of
 * which chapter they have marked ready. Pure functions; the browser glue is in
 * src/scripts/readiness-*.ts. This module ships to the browser, so it has no dependencies.
 */

/** localStorage key; the version is in the key so a future format can live beside this one. */
export const STORAGE_KEY = 'bp-readiness-v1';

/**
 * localStorage, or undefined where it is blocked (privacy modes, disabled cookies): the readiness
 * scripts then leave the plain list. One place for both the chapter and the readiness page.
 */
export function openTickStorage(
  get: () => Storage = () => window.localStorage,
): Storage | undefined {
  try {
    const s = get();
    s.getItem(STORAGE_KEY);
    return s;
  } catch {
    return undefined;
  }
}

/** Ticked item ids per chapter id; an item is ready when its id is listed. */
export type Ticks = Record<string, string[]>;

/** One chapter's checklist as the site knows it at build time. */
export interface Checklist {
  /** Chapter (component) id, e.g. "stream-ingestion". */
  chapter: string;
  /** Chapter title, for exports and the summary. */
  title: string;
  /** Items in chapter order. */
  items: { id: string; text: string }[];
}

/**
 * Read stored ticks. Storage is the reader's own and may hold anything (an older format, a hand
 * edit, a full disk that truncated a write): whatever is not a well-formed ticks object reads as
 * "nothing ticked" rather than breaking the page.
 */
export function readTicks(stored: string | null): Ticks {
  if (stored === null) return {};
  try {
    const value: unknown = JSON.parse(stored);
    if (!isRecord(value)) return {};
    const ticks: Ticks = {};
    for (const [chapter, ids] of Object.entries(value)) {
      if (Array.isArray(ids))
        ticks[chapter] = ids.filter((id): id is string => typeof id === 'string');
    }
    return ticks;
  } catch {
    return {};
  }
}

/** Serialise ticks for storage, leaving out chapters with nothing ticked. */
export function writeTicks(ticks: Ticks): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(ticks).filter(([, ids]) => ids.length > 0)),
  );
}

/** Ticks with one item set ready or not ready; the input is left unchanged. */
export function setTick(ticks: Ticks, chapter: string, id: string, ready: boolean): Ticks {
  const rest = (ticks[chapter] ?? []).filter((t) => t !== id);
  return { ...ticks, [chapter]: ready ? [...rest, id] : rest };
}

/** How many of the given item ids are ticked for a chapter (stale ids from reworded items don't count). */
export function countReady(ticks: Ticks, chapter: string, itemIds: readonly string[]): number {
  const ticked = new Set(ticks[chapter] ?? []);
  return itemIds.filter((id) => ticked.has(id)).length;
}

/** The progress line shown beside a checklist, e.g. "7 of 12 ready". */
export function formatProgress(ready: number, total: number): string {
  return `${ready} of ${total} ready`;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
