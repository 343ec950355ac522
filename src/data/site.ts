// The one place pages load the project's data: the graph and the chapters, cross-checked.
// Pure logic lives in src/lib; this module only reads files and collections and caches them.
import { getCollection, type CollectionEntry } from 'astro:content';
import graphYaml from '../../diagram/graph.yaml?raw';
import { parseGraph } from '../lib/graph/validate-graph.ts';
import { findChapterProblems } from '../lib/chapter/validate-chapters.ts';
import { groupChaptersByPart, orderChapters } from '../lib/chapter/navigation.ts';
import { DataError } from '../lib/errors/format-issues.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** The validated platform graph from diagram/graph.yaml. */
export const graph = parseGraph(graphYaml);

let chaptersPromise: Promise<Chapter[]> | undefined;

/** All chapters in reading order; fails the build when chapters and graph disagree. */
export function getChapters(): Promise<Chapter[]> {
  chaptersPromise ??= getCollection('chapters').then((entries) => {
    const problems = findChapterProblems(graph, entries);
    if (problems.length) throw new DataError(problems.join('\n'));
    return orderChapters(graph.parts, entries);
  });
  return chaptersPromise;
}

/** Chapters grouped by part for navigation. */
export async function getNavGroups() {
  return groupChaptersByPart(graph.parts, await getChapters());
}
