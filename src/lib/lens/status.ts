import type { CoverageStatus } from './schema.ts';

/** The best status a best practice reaches across components; "none" when nothing maps it. */
export type BestStatus = CoverageStatus | 'none';

/** How a status is shown: a symbol that differs by shape (not only colour) and words for it. */
export interface StatusDisplay {
  /** Shape symbol, filled to empty. */
  symbol: string;
  /** Label in words, used as the accessible text and in the legend. */
  label: string;
  /** What the mark means, for the legend. */
  meaning: string;
}

/** Display of each status; the order is strongest first. */
export const STATUS_DISPLAY: Record<BestStatus, StatusDisplay> = {
  addressed: { symbol: '●', label: 'Addressed', meaning: 'the component answers the best practice' },
  partial: { symbol: '◐', label: 'Partly addressed', meaning: 'it answers part of it; the chapter says what is left' },
  'not-addressed': { symbol: '○', label: 'Named, not addressed', meaning: 'the chapter names the best practice and says it does not answer it' },
  none: { symbol: '–', label: 'Not mapped', meaning: 'no component maps the best practice' },
};

const RANK: Record<BestStatus, number> = { addressed: 3, partial: 2, 'not-addressed': 1, none: 0 };

/** The strongest of several statuses; "none" for an empty list. */
export function strongestStatus(statuses: Iterable<CoverageStatus>): BestStatus {
  let best: BestStatus = 'none';
  for (const status of statuses) if (RANK[status] > RANK[best]) best = status;
  return best;
}

/** True when the status means some component answers the practice at least in part. */
export function isCovered(status: BestStatus): boolean {
  return status === 'addressed' || status === 'partial';
}
