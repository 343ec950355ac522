// Astro content loader for content/benchmarks/: the project's own validation runs first, so a bad
// file fails the build with `<file>: <field>: <expectation>` and unknown component ids are caught.
import { readFileSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { parseGraph } from '../graph/validate-graph.ts';
import { loadBenchmarkDir } from './parse.ts';

/** Options of the benchmark loader. */
export interface BenchmarkLoaderOptions {
  /** Folder of benchmark JSON files, from the project root. */
  base: string;
  /** Graph file whose node ids benchmarks may name. Default diagram/graph.yaml. */
  graphFile?: string;
}

/** Load every benchmark file in `base`, validated and cross-checked against the graph. */
export function benchmarkLoader({
  base,
  graphFile = 'diagram/graph.yaml',
}: BenchmarkLoaderOptions): Loader {
  return {
    name: 'blueprint-benchmarks',
    load: async (context) => {
      // parseData and generateDigest are called on the context, as methods, not detached from it.
      const { store, watcher, logger } = context;
      const sync = async () => {
        const graph = parseGraph(readFileSync(graphFile, 'utf8'), graphFile);
        const files = loadBenchmarkDir(base, {
          componentIds: graph.nodes.map((n) => n.id),
          requireFullRuns: true,
        });
        store.clear();
        for (const f of files) {
          const data = await context.parseData({ id: f.id, data: f.raw, filePath: f.file });
          store.set({ id: f.id, data, filePath: f.file, digest: context.generateDigest(f.raw) });
        }
        logger.info(`${files.length} benchmark files`);
      };
      await sync();
      watcher?.add(base);
      watcher?.on('all', (_event, path) => {
        if (path.includes(base.replace(/^\.\//, '')) && path.endsWith('.json'))
          sync().catch((e: Error) => logger.error(e.message));
      });
    },
  };
}
