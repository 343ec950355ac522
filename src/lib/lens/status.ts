import type { CoverageStatus, NoteKind } from './schema.ts';

/**
 * A best practice's verdict across the guide. A chapter's mapping gives addressed, partial or
 * not-addressed; a best practice no chapter answers takes its verdict from our coverage note
 * (kind gap: not-addressed; kind out-of-scope: out-of-scope). "none" means no verdict at all,
 * which the coverage check rejects.
 */
export type BestStatus = CoverageStatus | 'out-of-scope' | 'none';

/** How a status is shown: a symbol that differs by shape (not only colour) and words for it. */
export interface StatusDisplay {
  /** Shape symbol, filled to empty. */
  symbol: string;
  /** Label in words, used as the accessible text and in the legend. */
  label: string;
  /** What the mark means, for the legend: the rule a verdict must meet. */
  meaning: string;
}

/** Display of each status; the order is strongest first. The meanings are the rule in CONTRIBUTING.md. */
export const STATUS_DISPLAY: Record<BestStatus, StatusDisplay> = {
  addressed: {
    symbol: '●',
    label: 'Addressed',
    meaning:
      "the chapter and its configs do what AWS's implementation guidance for the best practice asks",
  },
  partial: {
    symbol: '◐',
    label: 'Partly addressed',
    meaning: 'the component does part of what the guidance asks; the note says what is missing',
  },
  'not-addressed': {
    symbol: '○',
    label: 'Not addressed',
    meaning:
      'in scope for the platform, named, and not answered yet; the note says where it would go',
  },
  'out-of-scope': {
    symbol: '⊘',
    label: 'Out of scope',
    meaning:
      'organisational, commercial or AWS-account work no platform component can carry; the note says why',
  },
  none: {
    symbol: '–',
    label: 'No verdict',
    meaning: 'no component maps it and no note explains it (the coverage check rejects this)',
  },
};

const RANK: Record<CoverageStatus | 'none', number> = {
  addressed: 3,
  partial: 2,
  'not-addressed': 1,
  none: 0,
};

/** The strongest of several chapter statuses; "none" for an empty list. */
export function strongestStatus(statuses: Iterable<CoverageStatus>): CoverageStatus | 'none' {
  let best: CoverageStatus | 'none' = 'none';
  for (const status of statuses) if (RANK[status] > RANK[best]) best = status;
  return best;
}

/**
 * A best practice's verdict: the strongest chapter status when a chapter answers it at least in
 * part; otherwise what our note says (gap: not-addressed; out-of-scope), and failing that a chapter
 * naming it as not addressed; "none" when nothing gives a verdict.
 */
export function verdict(chapterBest: CoverageStatus | 'none', noteKind?: NoteKind): BestStatus {
  if (chapterBest === 'addressed' || chapterBest === 'partial') return chapterBest;
  if (noteKind === 'out-of-scope') return 'out-of-scope';
  if (noteKind === 'gap') return 'not-addressed';
  return chapterBest;
}

/**
 * The lead-in of our note on an open best practice: a gap note on a partly addressed practice says
 * what is missing, on an unanswered one where it would go; an out-of-scope note says why.
 */
export function noteLabel(best: BestStatus, kind: NoteKind): string {
  if (kind === 'out-of-scope') return 'Why';
  return best === 'partial' ? 'Missing' : 'Where it would go';
}

/** True when the status means some component answers the practice at least in part. */
export function isCovered(status: BestStatus): boolean {
  return status === 'addressed' || status === 'partial';
}
