// Shared test data: the real catalogues from disk, and builders for tiny ones.
import { readFileSync } from 'node:fs';
import { orderLenses, parseLensCatalogue } from '../../../src/lib/lens/parse-catalogue.ts';
import {
  LENS_IDS,
  LensCatalogueSchema,
  type LensCatalogue,
  type LensId,
  type PillarId,
} from '../../../src/lib/lens/schema.ts';

/** The three catalogues in content/lenses/, parsed as the build parses them. */
export function readCatalogues(): LensCatalogue[] {
  return orderLenses(
    LENS_IDS.map((id) =>
      parseLensCatalogue(
        readFileSync(`content/lenses/${id}.yaml`, 'utf8'),
        `content/lenses/${id}.yaml`,
      ),
    ),
  );
}

/** A question for `lens()`: pillar, question id and its best-practice ids. */
export type QuestionSpec = [pillar: PillarId, question: string, ids: string[]];

/** Build a small valid catalogue; ids must match the pattern given (any non-empty id by default). */
export function lens(
  id: LensId,
  questions: QuestionSpec[],
  overrides: Partial<{ title: string; pattern: string; questionUrl: boolean }> = {},
): LensCatalogue {
  const pillars: Array<{ id: PillarId; questions: unknown[] }> = [];
  for (const [pillar, question, ids] of questions) {
    let p = pillars.find((x) => x.id === pillar);
    if (!p) pillars.push((p = { id: pillar, questions: [] }));
    p.questions.push({
      id: question,
      title: `Question ${question}`,
      ...(overrides.questionUrl && { url: `https://example.org/${question}.html` }),
      bestPractices: ids.map((bp) => ({
        id: bp,
        title: `Title of ${bp}`,
        summary: `What AWS's guidance for ${bp} asks, in our words.`,
      })),
    });
  }
  const data = LensCatalogueSchema.parse({
    title: overrides.title ?? `${id} lens`,
    shortTitle: id,
    url: `https://example.org/${id}.html`,
    edition: 'Test edition',
    retrieved: '2026-11-28',
    idFormat: { pattern: overrides.pattern ?? '.+', example: questions[0]?.[2][0] ?? 'X' },
    pillars,
  });
  return { id, ...data };
}

/** A chapter for coverage tests, with overrides. */
export function chapter(
  id: string,
  number: number,
  lenses: Array<{
    lens: LensId;
    id: string;
    status: 'addressed' | 'partial' | 'not-addressed';
    how?: string;
  }> = [],
) {
  return {
    id,
    data: {
      title: `Component ${id}`,
      number,
      part: 'A' as const,
      lenses: lenses.map((l) => ({ how: `How ${id} does ${l.id}.`, ...l })),
    },
  };
}
