import { z } from 'zod';
import { IdSchema } from '../graph/schema.ts';
import { LENS_IDS } from '../lens/ids.ts';

/**
 * A technology the chapter recommends or discusses for this component. Objects here are strict:
 * an unknown key usually means an unquoted comma in a YAML flow mapping cut a value short.
 */
export const TechnologySchema = z
  .object({
    /** Product name as its project writes it, e.g. "Apache Kafka". */
    name: z.string().min(1),
    /** What it does in this component, in a few words, e.g. "durable event log". */
    role: z.string().min(1),
    /** True when this is the seed guide's pick. Default false. */
    seed: z.boolean().default(false),
  })
  .strict();
export type Technology = z.infer<typeof TechnologySchema>;

/** A serious alternative to the recommended technologies. */
export const AlternativeSchema = z
  .object({
    /** Product name, e.g. "Redpanda". */
    name: z.string().min(1),
    /** When to choose it instead, in one line. */
    when: z.string().min(1),
  })
  .strict();
export type Alternative = z.infer<typeof AlternativeSchema>;

/** The three AWS Well-Architected lenses the guide maps to. */
export const LensIdSchema = z.enum(LENS_IDS, {
  error: 'expected one of analytics, machine-learning, financial-services',
});
export type LensId = z.infer<typeof LensIdSchema>;

/** How far this component answers a best practice. */
export const CoverageStatusSchema = z.enum(['addressed', 'partial', 'not-addressed'], {
  error: 'expected one of addressed, partial, not-addressed',
});
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;

/** One mapping from this component to a lens best practice. */
export const LensRefSchema = z
  .object({
    /** Which lens. */
    lens: LensIdSchema,
    /** Best-practice id exactly as AWS writes it, e.g. "BP 1.2" or "MLOPS01-BP02". */
    id: z.string().min(1),
    /** How far this component answers it. */
    status: CoverageStatusSchema,
    /** One line, in our words: how the component does it, naming the chapter section or config. */
    how: z.string().min(1),
  })
  .strict();
export type LensRef = z.infer<typeof LensRefSchema>;

/** Frontmatter of a chapter in content/chapters/<id>.mdx; the file name is the component id. */
export const ChapterSchema = z
  .object({
    /** Page title, e.g. "Streaming ingestion & pre-processing". */
    title: z.string().min(1),
    /** One sentence shown on the map panel, in navigation previews and as the meta description. */
    summary: z.string().min(20).max(240),
    /** Technologies this chapter recommends, the seed's pick marked with `seed: true`. */
    technologies: z.array(TechnologySchema).min(1),
    /** Serious alternatives and when to choose them. Default none. */
    alternatives: z.array(AlternativeSchema).default([]),
    /** Other component ids the chapter discusses beyond its graph neighbours. Default none. */
    related: z.array(IdSchema).default([]),
    /** AWS Well-Architected best practices this component maps to. Default none. */
    lenses: z.array(LensRefSchema).default([]),
    /** Product versions the chapter was checked against, e.g. "Apache Kafka 4.1". Default none. */
    versions: z.array(z.string().min(1)).default([]),
    /** Date the chapter's facts were last checked (YYYY-MM-DD). */
    reviewed: z.coerce.date(),
    /** Extra search terms readers use for this component, e.g. "CDC". Default none. */
    keywords: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ChapterData = z.infer<typeof ChapterSchema>;
