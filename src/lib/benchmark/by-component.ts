import type { Benchmark } from './schema.ts';
import { describeMachineShort } from './provenance.ts';
import { routes } from '../site/routes.ts';

/** A benchmark as another page links to it; the shape matches the map panel's links (href, label, note). */
export interface BenchmarkLink {
  id: string;
  kind: Benchmark['kind'];
  /** Root-relative page URL; apply the site's base path before use. */
  href: string;
  label: string;
  /** e.g. "measured on AMD EPYC, 2 cores" or "published: 3 sources". */
  note: string;
}

/** A link to one benchmark with a short note on where its figures come from. */
export function toBenchmarkLink(entry: { id: string; data: Benchmark }): BenchmarkLink {
  const { id, data } = entry;
  const note =
    data.kind === 'measured'
      ? `measured on ${describeMachineShort(data.provenance.machine)}`
      : `published figures: ${[...new Set(data.sources.map((s) => s.publisher.replace(/\s*\(.*\)$/, '')))].join(', ')}`;
  return { id, kind: data.kind, href: routes.benchmark(id), label: data.title, note };
}

/** Benchmarks whose `components` name `componentId`: measured ones first, then by title. */
export function listBenchmarksForComponent(
  entries: ReadonlyArray<{ id: string; data: Benchmark }>,
  componentId: string,
): BenchmarkLink[] {
  return entries
    .filter((e) => e.data.components.includes(componentId))
    .sort((a, b) =>
      a.data.kind === b.data.kind
        ? a.data.title.localeCompare(b.data.title)
        : a.data.kind === 'measured'
          ? -1
          : 1,
    )
    .map(toBenchmarkLink);
}

/** Every component id that has at least one benchmark, with its links. */
export function indexBenchmarksByComponent(
  entries: ReadonlyArray<{ id: string; data: Benchmark }>,
): Map<string, BenchmarkLink[]> {
  const ids = [...new Set(entries.flatMap((e) => e.data.components))].sort();
  return new Map(ids.map((id) => [id, listBenchmarksForComponent(entries, id)]));
}
