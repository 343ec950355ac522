// Content collections. Each schema lives beside the logic that uses it in src/lib/<domain>/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterSchema } from './lib/chapter/schema';
import { CoverageNotesSchema, LensCatalogueSchema } from './lib/lens/schema';

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

export const collections = { chapters, lenses, lensNotes };
