import { z } from 'zod';
import { PILLAR_IDS } from './ids.ts';
import {
  CoverageStatusSchema,
  LensIdSchema,
  type CoverageStatus,
  type LensId,
} from '../chapter/schema.ts';

export { CoverageStatusSchema, LensIdSchema, type CoverageStatus, type LensId };

/** The lenses in the order the site shows them. */
export const LENS_IDS = LensIdSchema.options;

/** The six Well-Architected pillars, in AWS's order; every lens uses the same six. */
export const PillarIdSchema = z.enum(PILLAR_IDS, {
  error:
    'expected one of operational-excellence, security, reliability, performance-efficiency, cost-optimization, sustainability',
});
export type PillarId = z.infer<typeof PillarIdSchema>;

/** Pillar names as AWS writes them. */
export const PILLAR_TITLES: Record<PillarId, string> = {
  'operational-excellence': 'Operational Excellence',
  security: 'Security',
  reliability: 'Reliability',
  'performance-efficiency': 'Performance Efficiency',
  'cost-optimization': 'Cost Optimization',
  sustainability: 'Sustainability',
};

/** How strongly AWS recommends a best practice, where the lens says so (the Data Analytics Lens does). */
export const PrioritySchema = z.enum(['required', 'highly-recommended', 'recommended'], {
  error: 'expected one of required, highly-recommended, recommended',
});
export type Priority = z.infer<typeof PrioritySchema>;

const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** Longest summary: one line on the lens page, beside the title. */
export const SUMMARY_MAX = 160;

/** One best practice, exactly as AWS names it, with our one-line summary of what AWS's guidance asks. */
export const BestPracticeSchema = z.object({
  /** Best-practice id exactly as AWS writes it, e.g. "BP 1.2", "MLOPS01-BP02", "FSISEC08-BP02". */
  id: z.string().min(1),
  /** Title as the heading of AWS's page. */
  title: z.string().min(1),
  /**
   * Ours, not AWS's: one line, in our own words, on what AWS's implementation guidance for the
   * practice asks, so a reader can judge a mapping without leaving the site. Required.
   */
  summary: z
    .string({
      error:
        "expected a one-line summary, in our words, of what AWS's guidance for this best practice asks",
    })
    .min(20, {
      error: 'a summary says what the guidance asks in a sentence; at least 20 characters',
    })
    .max(SUMMARY_MAX, {
      error: `a summary is one line on the lens page; at most ${SUMMARY_MAX} characters`,
    }),
  /** AWS's priority for it, when the lens gives one. Default: none given. */
  priority: PrioritySchema.optional(),
  /** The best practice's own page. Default: its question's page (the FSI Lens has no page per best practice). */
  url: HttpsUrlSchema.optional(),
});

/** One lens question (for the Machine Learning Lens: one lifecycle phase within a pillar). */
export const QuestionSchema = z.object({
  /** Question id exactly as AWS writes it, e.g. "7", "MLOPS03", "FSIOPS2". */
  id: z.string().min(1),
  /** Short title: the question's label, or for the ML Lens its lifecycle phase. */
  title: z.string().min(1),
  /** The question as a sentence ("How do you…?"), when AWS asks it separately from the title. Default none. */
  question: z.string().min(1).optional(),
  /** AWS's page for the question. Default none (some ML Lens phases have no page of their own). */
  url: HttpsUrlSchema.optional(),
  /** The question's best practices in AWS's order. */
  bestPractices: z.array(BestPracticeSchema).min(1),
});

/** One pillar of a lens and its questions. */
export const PillarSchema = z.object({
  /** Which pillar; its title comes from PILLAR_TITLES. */
  id: PillarIdSchema,
  /** The pillar's questions in AWS's order. */
  questions: z.array(QuestionSchema).min(1),
});

/**
 * A lens catalogue, content/lenses/<lens id>.yaml: AWS's own structure, IDs, titles and URLs, plus
 * one thing of ours per best practice, its summary. Best practices without a page get their
 * question's URL, so every one links.
 */
export const LensCatalogueSchema = z
  .object({
    /** The lens's full name, e.g. "Data Analytics Lens". */
    title: z.string().min(1),
    /** A short name for tight spaces, e.g. "Analytics". */
    shortTitle: z.string().min(1),
    /** The lens's landing page. */
    url: HttpsUrlSchema,
    /** Which edition the IDs come from, in a few words, e.g. "November 2025 edition". */
    edition: z.string().min(1),
    /** More about the edition in a sentence or two: date, what changed, what could not be confirmed. Default none. */
    editionNote: z.string().min(1).optional(),
    /** Publication date AWS shows on the landing page (YYYY-MM-DD). Default: none confirmed. */
    published: z.coerce.date().optional(),
    /** When the IDs, titles and URLs were collected from AWS's documentation (YYYY-MM-DD). */
    retrieved: z.coerce.date(),
    /** How AWS writes a best-practice id in this lens; every id must match it. */
    idFormat: z.object({
      /** Regular expression an id must match, e.g. "^BP \\d+\\.\\d+$". */
      pattern: z.string().min(1),
      /** One real id, shown in error messages, e.g. "BP 1.2". */
      example: z.string().min(1),
    }),
    /** The lens's pillars in AWS's order (every lens has all six). */
    pillars: z.array(PillarSchema).min(1),
  })
  .superRefine((lens, ctx) => {
    const pattern = new RegExp(lens.idFormat.pattern);
    const seenPillars = new Set<string>();
    const seenQuestions = new Set<string>();
    const seenIds = new Map<string, string>();
    lens.pillars.forEach((pillar, p) => {
      if (seenPillars.has(pillar.id))
        ctx.addIssue({
          code: 'custom',
          path: ['pillars', p, 'id'],
          message: `pillar "${pillar.id}" appears twice`,
        });
      seenPillars.add(pillar.id);
      pillar.questions.forEach((question, q) => {
        if (seenQuestions.has(question.id))
          ctx.addIssue({
            code: 'custom',
            path: ['pillars', p, 'questions', q, 'id'],
            message: `question "${question.id}" appears twice`,
          });
        seenQuestions.add(question.id);
        question.bestPractices.forEach((bp, b) => {
          const path = ['pillars', p, 'questions', q, 'bestPractices', b, 'id'];
          if (!pattern.test(bp.id))
            ctx.addIssue({
              code: 'custom',
              path,
              message: `"${bp.id}" does not look like this lens's ids (${lens.idFormat.pattern}, e.g. "${lens.idFormat.example}")`,
            });
          const first = seenIds.get(bp.id);
          if (first)
            ctx.addIssue({
              code: 'custom',
              path,
              message: `"${bp.id}" is already listed under question ${first}`,
            });
          else seenIds.set(bp.id, question.id);
        });
      });
    });
  })
  .transform((lens) => ({
    ...lens,
    pillars: lens.pillars.map((pillar) => ({
      ...pillar,
      questions: pillar.questions.map((question) => ({
        ...question,
        bestPractices: question.bestPractices.map((bp) => ({
          ...bp,
          url: bp.url ?? question.url ?? lens.url,
        })),
      })),
    })),
  }));
/** A lens catalogue as read from YAML. */
export type LensCatalogueInput = z.input<typeof LensCatalogueSchema>;
/** A validated lens catalogue: every best practice has a URL. */
export type LensCatalogueData = z.output<typeof LensCatalogueSchema>;
/** A validated catalogue with the lens id its file name gives it. */
export type LensCatalogue = LensCatalogueData & { id: LensId };
export type Pillar = LensCatalogueData['pillars'][number];
export type Question = Pillar['questions'][number];
export type BestPractice = Question['bestPractices'][number];

/** Why no component covers a best practice (fully). */
export const NoteKindSchema = z.enum(['out-of-scope', 'gap'], {
  error: 'expected one of out-of-scope, gap',
});
export type NoteKind = z.infer<typeof NoteKindSchema>;

/** Our explanation, in our words, of a best practice the platform leaves uncovered or partly covered. */
export const CoverageNoteSchema = z.object({
  /** Which lens. */
  lens: LensIdSchema,
  /** Best-practice id exactly as in the lens catalogue. */
  id: z.string().min(1),
  /**
   * "out-of-scope": an organisational, commercial or AWS-account practice that no platform
   * component can carry; "gap": in scope, and the guide does not (fully) answer it yet.
   */
  kind: NoteKindSchema,
  /** One or two sentences: why, and where a reader should look instead. */
  note: z.string().min(1),
});
export type CoverageNote = z.infer<typeof CoverageNoteSchema>;

/** content/lenses/coverage-notes.yaml: our words about coverage, kept apart from AWS's catalogues. */
export const CoverageNotesSchema = z.object({
  /** Per lens, a short paragraph on how far the guide answers it and why. Default none. */
  lenses: z.partialRecord(LensIdSchema, z.string().min(1)).default({}),
  /** Notes on single best practices. Default none. */
  notes: z.array(CoverageNoteSchema).default([]),
});
export type CoverageNotes = z.infer<typeof CoverageNotesSchema>;
