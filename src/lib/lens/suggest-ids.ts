import type { LensCatalogue } from './schema.ts';

/** Compare ids loosely: case, spaces, dashes, underscores and leading zeros do not count. */
export function looseId(id: string): string {
  return id
    .toUpperCase()
    .replace(/[\s_-]+/g, '')
    .replace(/(?<!\d)0+(?=\d)/g, '');
}

/** Levenshtein edit distance between two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}

/** Length of the common start of two strings. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** How a wrong best-practice id could be fixed, in the order a writer should try them. */
export interface IdSuggestion {
  /** Ids in this lens that the bad id probably meant. */
  closeMatches: string[];
  /** Other lenses whose catalogue has this exact (or loosely equal) id. */
  otherLenses: Array<{ lens: string; id: string }>;
  /** When the id names a question rather than a best practice: its best practices. */
  questionBestPractices: string[];
}

/**
 * Suggest fixes for `id`, which is not a best practice of `lens`: the id that differs only in
 * spelling (case, spaces, padding), or else ids within two edits sharing the longest start, at most `limit`;
 * the same id in another lens; or the best practices of a question the id names.
 */
export function suggestIds(
  id: string,
  lens: LensCatalogue,
  others: ReadonlyArray<LensCatalogue> = [],
  limit = 3,
): IdSuggestion {
  const loose = looseId(id);
  const ids = lens.pillars.flatMap((p) =>
    p.questions.flatMap((q) => q.bestPractices.map((b) => b.id)),
  );
  const scored = ids
    .map((candidate, order) => {
      const other = looseId(candidate);
      return {
        candidate,
        order,
        distance: editDistance(loose, other),
        prefix: commonPrefix(loose, other),
      };
    })
    .filter((c) => c.distance <= 2);
  // A spelling-only difference is the answer; otherwise prefer ids that share more of the start.
  const exact = scored.filter((c) => c.distance === 0);
  const ranked = (exact.length ? exact : scored)
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.order - b.order)
    .slice(0, limit)
    .map((c) => c.candidate);

  const otherLenses = others
    .filter((other) => other.id !== lens.id)
    .flatMap((other) =>
      other.pillars.flatMap((p) =>
        p.questions.flatMap((q) =>
          q.bestPractices
            .filter((b) => looseId(b.id) === loose)
            .map((b) => ({ lens: other.id, id: b.id })),
        ),
      ),
    );

  const question = lens.pillars.flatMap((p) => p.questions).find((q) => looseId(q.id) === loose);
  return {
    closeMatches: ranked,
    otherLenses,
    questionBestPractices: question ? question.bestPractices.map((b) => b.id) : [],
  };
}
