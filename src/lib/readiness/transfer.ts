/**
 * Export and import of readiness ticks: a JSON file that round-trips, and a Markdown file to paste
 * into a ticket or a review. Pure functions; the readiness page's script does the file handling.
 */
import { countReady, isRecord, type Checklist, type Ticks } from './progress.ts';

/** Value of "format" in an export, so an import can tell our file from any other JSON. */
export const EXPORT_FORMAT = 'data-architecture-blueprint/readiness';
/** Version of the export layout; bump when its shape changes. */
export const EXPORT_VERSION = 1;

/** A JSON export: every checklist with each item's text and whether it is ready. */
export interface ReadinessExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of export. */
  exported: string;
  chapters: {
    chapter: string;
    title: string;
    ready: number;
    total: number;
    items: { id: string; text: string; ready: boolean }[];
  }[];
}

/** Build the JSON export of the current ticks over all checklists. */
export function toJsonExport(
  checklists: readonly Checklist[],
  ticks: Ticks,
  now: Date,
): ReadinessExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported: now.toISOString(),
    chapters: checklists.map((c) => {
      const ticked = new Set(ticks[c.chapter] ?? []);
      const items = c.items.map((i) => ({ id: i.id, text: i.text, ready: ticked.has(i.id) }));
      return {
        chapter: c.chapter,
        title: c.title,
        ready: items.filter((i) => i.ready).length,
        total: items.length,
        items,
      };
    }),
  };
}

/** Build the Markdown export: one section per component, items as a task list. */
export function toMarkdownExport(
  checklists: readonly Checklist[],
  ticks: Ticks,
  now: Date,
): string {
  const ready = checklists.reduce(
    (n, c) =>
      n +
      countReady(
        ticks,
        c.chapter,
        c.items.map((i) => i.id),
      ),
    0,
  );
  const total = checklists.reduce((n, c) => n + c.items.length, 0);
  const lines = [
    '# Production readiness',
    '',
    `Exported ${now.toISOString().slice(0, 10)} from Data Architecture Blueprint: ${ready} of ${total} items ready.`,
  ];
  for (const c of checklists) {
    const ticked = new Set(ticks[c.chapter] ?? []);
    lines.push(
      '',
      `## ${c.title} (${countReady(
        ticks,
        c.chapter,
        c.items.map((i) => i.id),
      )} of ${c.items.length} ready)`,
      '',
    );
    for (const item of c.items) lines.push(`- [${ticked.has(item.id) ? 'x' : ' '}] ${item.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Outcome of reading an import file: the ticks to store, or why the file was refused. */
export type ImportResult =
  { ok: true; ticks: Ticks; imported: number; skipped: number } | { ok: false; message: string };

/**
 * Read a JSON export back. Anything that is not our export, or names a component the site does
 * not have, is refused with the field, what was expected and the nearest valid value. Ticks whose
 * item id no longer exists (the item was reworded or removed since the export) are skipped and
 * counted, not refused, so an old export still restores everything that still applies.
 */
export function parseImport(text: string, checklists: readonly Checklist[]): ImportResult {
  const fail = (message: string): ImportResult => ({
    ok: false,
    message: `Import refused: ${message}`,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(
      `the file is not JSON (${(error as Error).message}). Choose a .json file exported from this page.`,
    );
  }
  if (!isRecord(data)) return fail('expected a JSON object exported from this page.');
  if (data['format'] !== EXPORT_FORMAT)
    return fail(`"format" is ${JSON.stringify(data['format'])}; expected "${EXPORT_FORMAT}".`);
  if (data['version'] !== EXPORT_VERSION)
    return fail(`"version" is ${JSON.stringify(data['version'])}; expected ${EXPORT_VERSION}.`);
  const chapters = data['chapters'];
  if (!Array.isArray(chapters)) return fail('"chapters" is missing or not a list.');
  const known = new Map(checklists.map((c) => [c.chapter, new Set(c.items.map((i) => i.id))]));
  const ticks: Ticks = {};
  let imported = 0;
  let skipped = 0;
  for (const [ci, entry] of chapters.entries()) {
    const where = `chapters[${ci}]`;
    if (!isRecord(entry)) return fail(`${where} is not an object.`);
    const chapter = entry['chapter'];
    if (typeof chapter !== 'string') return fail(`${where}.chapter is missing or not text.`);
    const ids = known.get(chapter);
    if (!ids)
      return fail(
        `${where}.chapter "${chapter}" is not a component of this site; nearest: "${nearest(chapter, [...known.keys()])}".`,
      );
    const items = entry['items'];
    if (!Array.isArray(items)) return fail(`${where}.items is missing or not a list.`);
    for (const [ii, item] of items.entries()) {
      if (!isRecord(item) || typeof item['id'] !== 'string' || typeof item['ready'] !== 'boolean') {
        return fail(`${where}.items[${ii}] needs "id" (text) and "ready" (true or false).`);
      }
      if (!item['ready']) continue;
      if (!ids.has(item['id'])) {
        skipped++;
        continue;
      }
      (ticks[chapter] ??= []).push(item['id']);
      imported++;
    }
  }
  return { ok: true, ticks, imported, skipped };
}

/** The candidate with the smallest edit distance to a value. */
export function nearest(value: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? '';
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(value, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}
