import { expect, test } from 'vitest';
import type { Checklist } from '../../../src/lib/readiness/progress.ts';
import {
  nearest,
  parseImport,
  toJsonExport,
  toMarkdownExport,
} from '../../../src/lib/readiness/transfer.ts';

const checklist = (chapter: string, ...ids: string[]): Checklist => ({
  chapter,
  title: chapter.toUpperCase(),
  items: ids.map((id) => ({ id, text: `Item ${id}` })),
});
const lists = [checklist('olap', 'a-1', 'b-2'), checklist('security', 'x-1')];
const now = new Date('2026-12-07T10:00:00Z');

test('the Markdown export lists every item with its state and per-component counts', () => {
  expect(toMarkdownExport(lists, { olap: ['b-2'] }, now)).toMatchInlineSnapshot(`
    "# Production readiness

    Exported 2026-12-07 from Data Architecture Blueprint: 1 of 3 items ready.

    ## OLAP (1 of 2 ready)

    - [ ] Item a-1
    - [x] Item b-2

    ## SECURITY (0 of 1 ready)

    - [ ] Item x-1
    "
  `);
});

test('a JSON export imports back to the same ticks', () => {
  const ticks = { olap: ['a-1', 'b-2'], security: ['x-1'] };
  const file = JSON.stringify(toJsonExport(lists, ticks, now));
  expect(parseImport(file, lists)).toEqual({ ok: true, ticks, imported: 3, skipped: 0 });
});

test('ticks for items reworded or removed since the export are skipped and counted', () => {
  const file = JSON.stringify(
    toJsonExport([checklist('olap', 'a-1', 'old-7')], { olap: ['a-1', 'old-7'] }, now),
  );
  expect(parseImport(file, lists)).toEqual({
    ok: true,
    ticks: { olap: ['a-1'] },
    imported: 1,
    skipped: 1,
  });
});

test('a file that is not JSON is refused', () => {
  const result = parseImport('# Production readiness', lists);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toMatch(
    /^Import refused: the file is not JSON \(.+\)\. Choose a \.json file exported from this page\.$/,
  );
});

test('JSON that is not our export is refused, saying which field is wrong and what was expected', () => {
  const base = toJsonExport(lists, {}, now);
  const refuse = (value: unknown) => {
    const r = parseImport(JSON.stringify(value), lists);
    return r.ok ? 'accepted' : r.message;
  };
  expect(refuse([1])).toMatchInlineSnapshot(
    `"Import refused: expected a JSON object exported from this page."`,
  );
  expect(refuse({ ...base, format: 'other' })).toMatchInlineSnapshot(
    `"Import refused: "format" is "other"; expected "data-architecture-blueprint/readiness"."`,
  );
  expect(refuse({ ...base, version: 2 })).toMatchInlineSnapshot(
    `"Import refused: "version" is 2; expected 1."`,
  );
  expect(refuse({ ...base, chapters: {} })).toMatchInlineSnapshot(
    `"Import refused: "chapters" is missing or not a list."`,
  );
  expect(refuse({ ...base, chapters: [{ chapter: 'olpa', items: [] }] })).toMatchInlineSnapshot(
    `"Import refused: chapters[0].chapter "olpa" is not a component of this site; nearest: "olap"."`,
  );
  expect(
    refuse({ ...base, chapters: [{ chapter: 'olap', items: [{ id: 'a-1', ready: 'yes' }] }] }),
  ).toMatchInlineSnapshot(
    `"Import refused: chapters[0].items[0] needs "id" (text) and "ready" (true or false)."`,
  );
});

test('the nearest candidate is the one fewest edits away', () => {
  expect(nearest('stream-ingest', ['streaming-sources', 'stream-ingestion', 'security'])).toBe(
    'stream-ingestion',
  );
});
