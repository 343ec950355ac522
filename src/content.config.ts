// Content collections. Each schema lives beside the logic that uses it in src/lib/<domain>/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterSchema } from './lib/chapter/schema';
import { CoverageNotesSchema, LensCatalogueSchema } from './lib/lens/schema';
import { BenchmarkSchema } from './lib/benchmark/schema.ts';
import { benchmarkLoader } from './lib/benchmark/loader.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: ChapterSchema,
});

// AWS's lens catalogues (one file per lens, the file name is the lens id) and, apart from them,
// our own notes on coverage.
const lenses = defineCollection({
  loader: glob({ pattern: ['*.yaml', '!coverage-notes.yaml'], base: './content/lenses' }),
  schema: LensCatalogueSchema,
});

const lensNotes = defineCollection({
  loader: glob({ pattern: 'coverage-notes.yaml', base: './content/lenses' }),
  schema: CoverageNotesSchema,
});

// Benchmark results (measured by scripts/bench) and published figures (with source, date and
// licence). The loader validates each file and its component ids against the graph first.
const benchmarks = defineCollection({
  loader: benchmarkLoader({ base: './content/benchmarks' }),
  schema: BenchmarkSchema,
});

export const collections = { chapters, lenses, lensNotes, benchmarks };
