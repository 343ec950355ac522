import type { Alternative, Technology } from '../chapter/schema.ts';
import type { Graph } from './schema.ts';
import { getNeighbours } from './neighbours.ts';
import { routes } from '../site/routes.ts';

/** A link the panel may show; absent when its target page does not exist. */
export interface PanelLink {
  href: string;
  label: string;
  /** Extra words after the link, e.g. "7 files, all checked on every build". */
  note?: string | undefined;
  /**
   * For the link to a chapter's readiness checklist: the hash part of each item id,
   * space-separated, so the panel can replace the note with the reader's progress from
   * localStorage ("7 of 12 ready"). Hashes, not whole ids, and one string, not a list: the 232
   * full ids as island props cost the home page 5.3 KB gzip. Absent on other links.
   */
  readiness?: { chapter: string; items: string } | undefined;
}

/** A neighbour in the panel: who, and what flows. */
export interface PanelNeighbour {
  id: string;
  title: string;
  flow: string;
}

/** Everything the side panel shows for one component, computed at build time. */
export interface PanelInfo {
  id: string;
  number: number;
  title: string;
  part: string;
  partTitle: string;
  summary: string;
  crossCutting: boolean;
  technologies: Technology[];
  alternatives: Alternative[];
  upstream: PanelNeighbour[];
  downstream: PanelNeighbour[];
  links: PanelLink[];
}

/** Chapter facts the panel needs. */
export interface PanelChapter {
  title: string;
  summary: string;
  technologies: Technology[];
  alternatives: Alternative[];
}

/** Build the panel of every component; `extraLinks` adds configs, benchmarks and lens links that exist. */
export function buildPanels(
  graph: Graph,
  chapters: Record<string, PanelChapter>,
  extraLinks: (id: string) => PanelLink[] = () => [],
): Record<string, PanelInfo> {
  const title = (id: string) =>
    chapters[id]?.title ?? graph.nodes.find((n) => n.id === id)?.label ?? id;
  return Object.fromEntries(
    graph.nodes.map((node) => {
      const chapter = chapters[node.id];
      const { upstream, downstream } = getNeighbours(graph, node.id);
      const info: PanelInfo = {
        id: node.id,
        number: node.number,
        title: title(node.id),
        part: node.part,
        partTitle: graph.parts.find((p) => p.id === node.part)!.title,
        summary: chapter?.summary ?? '',
        crossCutting: node.crossCutting,
        technologies: chapter?.technologies ?? [],
        alternatives: chapter?.alternatives ?? [],
        upstream: upstream.map((n) => ({
          id: n.nodeId,
          title: title(n.nodeId),
          flow: n.edge.label,
        })),
        downstream: downstream.map((n) => ({
          id: n.nodeId,
          title: title(n.nodeId),
          flow: n.edge.label,
        })),
        links: [
          { href: routes.chapter(node.id), label: 'Read the chapter' },
          ...extraLinks(node.id),
        ],
      };
      return [node.id, info];
    }),
  );
}
