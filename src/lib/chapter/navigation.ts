import type { Part } from '../graph/schema.ts';

/** The least a navigation entry needs to know about a chapter. */
export interface NavChapter {
  id: string;
  data: { title: string; number: number; part: string };
}

/** A part with its chapters, as the sidebar shows it. */
export interface NavGroup<C extends NavChapter> {
  part: Part;
  chapters: C[];
}

/** Group chapters by platform part (A–H, graph order), each part ordered by component number. */
export function groupChaptersByPart<C extends NavChapter>(
  parts: ReadonlyArray<Part>,
  chapters: ReadonlyArray<C>,
): NavGroup<C>[] {
  return parts
    .map((part) => ({
      part,
      chapters: chapters
        .filter((c) => c.data.part === part.id)
        .sort((a, b) => a.data.number - b.data.number),
    }))
    .filter((group) => group.chapters.length > 0);
}

/** Chapters in reading order: the sidebar's order, part by part. */
export function orderChapters<C extends NavChapter>(
  parts: ReadonlyArray<Part>,
  chapters: ReadonlyArray<C>,
): C[] {
  return groupChaptersByPart(parts, chapters).flatMap((g) => g.chapters);
}

/** The chapters before and after `id` in reading order (undefined at either end). */
export function getPrevNext<C extends NavChapter>(
  ordered: ReadonlyArray<C>,
  id: string,
): { prev?: C; next?: C } {
  const i = ordered.findIndex((c) => c.id === id);
  if (i === -1) return {};
  const result: { prev?: C; next?: C } = {};
  if (i > 0) result.prev = ordered[i - 1]!;
  if (i < ordered.length - 1) result.next = ordered[i + 1]!;
  return result;
}
