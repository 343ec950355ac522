// The one place pages load the project's data: the graph and the chapters, cross-checked.
// Pure logic lives in src/lib; this module only reads files and collections and caches them.
import { getCollection, type CollectionEntry } from 'astro:content';
import graphYaml from '../../diagram/graph.yaml?raw';
import { parseGraph } from '../lib/graph/validate-graph.ts';
import { findChapterProblems } from '../lib/chapter/validate-chapters.ts';
import { addGraphFacts, type GraphFacts } from '../lib/chapter/graph-facts.ts';
import { groupChaptersByPart, orderChapters } from '../lib/chapter/navigation.ts';
import { DataError } from '../lib/errors/format-issues.ts';
import { findLensRefProblems } from '../lib/lens/validate-refs.ts';
import { getLenses } from './lenses.ts';

/** A chapter entry with its component's number and part from the graph. */
export type Chapter = CollectionEntry<'chapters'> & { data: GraphFacts };

/** The validated platform graph from diagram/graph.yaml. */
export const graph = parseGraph(graphYaml);

let chaptersPromise: Promise<Chapter[]> | undefined;

/** All chapters in reading order; fails the build when chapters and graph disagree or a lens id is unknown. */
export function getChapters(): Promise<Chapter[]> {
  chaptersPromise ??= Promise.all([getCollection('chapters'), getLenses()]).then(
    ([entries, lenses]) => {
      const problems = [
        ...findChapterProblems(graph, entries),
        ...findLensRefProblems(lenses, entries),
      ];
      if (problems.length) throw new DataError(problems.join('\n'));
      return orderChapters(graph.parts, addGraphFacts(graph, entries));
    },
  );
  return chaptersPromise;
}

/** Chapters grouped by part for navigation. */
export async function getNavGroups() {
  return groupChaptersByPart(graph.parts, await getChapters());
}

import flowsYaml from '../../diagram/flows.yaml?raw';
import { parseFlows } from '../lib/graph/flows.ts';
import { toFlow } from '../lib/graph/to-flow.ts';
import { layOutForPhone } from '../lib/graph/phone-layout.ts';
import { toLayoutVariant } from '../lib/graph/layout-variant.ts';
import { buildPanels, type PanelLink } from '../lib/graph/panel.ts';
import { buildOutline } from '../lib/graph/outline.ts';
import { getNeighbourIds } from '../lib/graph/neighbours.ts';
import { loadValidConfigReport } from '../lib/config/load-report.ts';
import { toConfigPanelLink } from '../lib/config/panel-link.ts';
import { listBenchmarksForComponent } from '../lib/benchmark/by-component.ts';
import { summariseLensCoverage } from '../lib/lens/map-coverage.ts';
import { toChecklist } from '../lib/readiness/checklists.ts';
import { toReadinessPanelLink } from '../lib/readiness/panel-link.ts';

/** Named flows from diagram/flows.yaml, checked against the graph. */
export const namedFlows = parseFlows(flowsYaml, graph);

/** Technologies drawn on a node: seed picks first, then the chapter's other picks. */
function nodeTechnologies(chapter: Chapter): string[] {
  const techs = chapter.data.technologies;
  return [...techs.filter((t) => t.seed), ...techs.filter((t) => !t.seed)].map((t) => t.name);
}

/** Links beyond the chapter that exist for a component: configs, benchmarks, lens mappings. */
async function getPanelLinks(): Promise<(id: string) => PanelLink[]> {
  const [configs, benchmarks, chapters] = await Promise.all([
    loadValidConfigReport(),
    getCollection('benchmarks'),
    getChapters(),
  ]);
  const coverage = summariseLensCoverage(chapters);
  const checklists = new Map(
    chapters.map((c) => [c.id, toChecklist(c.id, c.data.title, c.body ?? '')]),
  );
  return (id) => {
    const lens = coverage[id];
    return [
      toConfigPanelLink(configs, id),
      ...listBenchmarksForComponent(benchmarks, id),
      lens && lens.total > 0 ? { href: lens.href, label: lens.label, note: lens.note } : undefined,
      toReadinessPanelLink(checklists.get(id)),
    ].filter((l): l is PanelLink => l !== undefined);
  };
}

/** Everything the home page's map and outline need, computed at build time. */
export async function getMapData() {
  const chapters = await getChapters();
  const byId = Object.fromEntries(chapters.map((c) => [c.id, c]));
  const facts = Object.fromEntries(
    chapters.map((c) => [
      c.id,
      {
        title: c.data.title,
        summary: c.data.summary,
        technologies: nodeTechnologies(c),
        alternatives: c.data.alternatives,
      },
    ]),
  );
  const model = toFlow(graph, facts);
  // The phone drawing of the same graph, sent as boxes and handles only (the island applies them).
  const phoneLayout = toLayoutVariant(toFlow(layOutForPhone(graph), facts));
  const panels = buildPanels(
    graph,
    Object.fromEntries(chapters.map((c) => [c.id, { ...c.data }])),
    await getPanelLinks(),
  );
  const neighbours = Object.fromEntries(
    graph.nodes.map((n) => [n.id, getNeighbourIds(graph, n.id)]),
  );
  return {
    model,
    phoneLayout,
    panels,
    neighbours,
    flows: namedFlows,
    parts: graph.parts,
    outline: buildOutline(graph, facts),
    byId,
  };
}
