// What a chapter's `tech` search field holds. Pagefind scales a field's boost by how rare the
// query word is, and every chapter that listed Trino in `tech` got the same boost: with Trino on
// most pages, that boost was smaller than a config page's repeated mentions and lifted no chapter.
// So `tech` keeps the technologies a chapter is the home of, and the ones another chapter picks
// as its seed (e.g. Trino where storage uses it) move to `uses`, which does not outrank them.

/** A technology as a chapter's frontmatter lists it. */
export interface TechPick {
  name: string;
  /** True when the original design picked it for this component. */
  seed: boolean;
}

/**
 * Split a chapter's picks into `tech` (its own: its seed picks and anything no other chapter
 * picked as seed) and `uses` (another chapter's seed pick that this one only uses).
 */
export function splitTechMeta(
  picks: readonly TechPick[],
  seedsOfOtherChapters: ReadonlySet<string>,
): { tech: string[]; uses: string[] } {
  const isElsewhere = (p: TechPick) => !p.seed && seedsOfOtherChapters.has(p.name);
  return {
    tech: picks.filter((p) => !isElsewhere(p)).map((p) => p.name),
    uses: picks.filter(isElsewhere).map((p) => p.name),
  };
}

/** Names picked as seed by any chapter other than `id`. */
export function listSeedsOfOtherChapters(
  chapters: ReadonlyArray<{ id: string; data: { technologies: readonly TechPick[] } }>,
  id: string,
): Set<string> {
  return new Set(
    chapters
      .filter((c) => c.id !== id)
      .flatMap((c) => c.data.technologies.filter((t) => t.seed).map((t) => t.name)),
  );
}
