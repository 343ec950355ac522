// Lens and pillar ids as plain constants. The zod schemas build on them, and browser code (the
// matrix filters) reads them from here without bundling zod, which would cost ~25 KB gzip and
// trip the Content-Security-Policy (zod probes for eval support with `new Function`).

/** The lenses in the order the site shows them. */
export const LENS_IDS = ['analytics', 'machine-learning', 'financial-services'] as const;
export type LensId = (typeof LENS_IDS)[number];

/** The six Well-Architected pillars, in AWS's order; every lens uses the same six. */
export const PILLAR_IDS = [
  'operational-excellence',
  'security',
  'reliability',
  'performance-efficiency',
  'cost-optimization',
  'sustainability',
] as const;
export type PillarId = (typeof PILLAR_IDS)[number];
