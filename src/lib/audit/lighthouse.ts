/** The four Lighthouse categories the site is held to, as they appear in a report's `categories`. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

/** Scores 0–100 per category for one Lighthouse run. */
export type Scores = Record<Category, number>;

/** The part of a Lighthouse result (LHR) read here. */
export interface LighthouseResult {
  lighthouseVersion: string;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  categories: Partial<
    Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  >;
  audits: Record<
    string,
    { score: number | null; scoreDisplayMode?: string; title: string; displayValue?: string }
  >;
}

/** A page audited in one form factor: every run's scores, their median, and what held it back. */
export interface PageAudit {
  /** Site path without the base, e.g. "/data-storage/". */
  path: string;
  formFactor: FormFactor;
  runs: Scores[];
  median: Scores;
  /** Weighted audits below full marks in the run closest to the median, e.g. "largest-contentful-paint (1.9 s)". */
  shortfalls: Partial<Record<Category, string[]>>;
}

/** The targets: 100 everywhere, except performance on the map page, which hydrates React Flow. */
export function targetFor(category: Category, path: string): number {
  return category === 'performance' && path === '/' ? 98 : 100;
}

/** Scores of one run as whole numbers 0–100; a category Lighthouse could not score counts as 0. */
export function readScores(lhr: LighthouseResult): Scores {
  if (lhr.runtimeError)
    throw new Error(
      `Lighthouse could not audit ${lhr.finalDisplayedUrl ?? 'the page'}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
    );
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Scores;
}

/** Weighted audits of a category that did not get full marks, worst first. */
export function readShortfalls(lhr: LighthouseResult, category: Category): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((r) => r.weight > 0)
    .map((r) => ({ id: r.id, audit: lhr.audits[r.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        audit.score !== null &&
        audit.score < 1 &&
        audit.scoreDisplayMode !== 'informative',
    )
    .sort((a, b) => (a.audit!.score ?? 0) - (b.audit!.score ?? 0))
    .map(({ id, audit }) => (audit!.displayValue ? `${id} (${audit!.displayValue})` : id));
}

/** Median of some numbers (the middle one, or the mean of the two middle ones). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Combine runs of one page: per-category medians, and the shortfalls of the run nearest the median. */
export function summarizeRuns(
  path: string,
  formFactor: FormFactor,
  lhrs: LighthouseResult[],
): PageAudit {
  const runs = lhrs.map(readScores);
  const med = Object.fromEntries(
    CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))]),
  ) as Scores;
  const distance = (r: Scores) => CATEGORIES.reduce((sum, c) => sum + Math.abs(r[c] - med[c]), 0);
  const nearest = lhrs[runs.indexOf([...runs].sort((a, b) => distance(a) - distance(b))[0]!)]!;
  const shortfalls: PageAudit['shortfalls'] = {};
  for (const c of CATEGORIES) if (med[c] < 100) shortfalls[c] = readShortfalls(nearest, c);
  return { path, formFactor, runs, median: med, shortfalls };
}

/** Every median below its target, as sentences naming the page, the form factor and the gap. */
export function checkTargets(audits: PageAudit[]): string[] {
  return audits.flatMap((a) =>
    CATEGORIES.filter((c) => a.median[c] < targetFor(c, a.path)).map(
      (c) =>
        `${a.path} (${a.formFactor}): ${c} ${a.median[c]} is below the target ${targetFor(c, a.path)}` +
        (a.shortfalls[c]?.length ? `; held back by ${a.shortfalls[c].slice(0, 4).join(', ')}` : ''),
    ),
  );
}

/** A Markdown table of median scores: one row per page, mobile and desktop side by side. */
export function formatScoreTable(audits: PageAudit[]): string {
  const paths = [...new Set(audits.map((a) => a.path))];
  const cell = (path: string, formFactor: FormFactor) => {
    const a = audits.find((x) => x.path === path && x.formFactor === formFactor);
    return a ? CATEGORIES.map((c) => String(a.median[c])).join(' / ') : '–';
  };
  return [
    '| page | mobile (perf / a11y / best practices / SEO) | desktop (perf / a11y / best practices / SEO) |',
    '| --- | --- | --- |',
    ...paths.map((p) => `| \`${p}\` | ${cell(p, 'mobile')} | ${cell(p, 'desktop')} |`),
  ].join('\n');
}
