// Content collections. Each schema lives beside the logic that uses it in src/lib/<domain>/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterSchema } from './lib/chapter/schema';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: ChapterSchema,
});

export const collections = { chapters };
