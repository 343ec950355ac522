import { formatLongDate } from '../site/dates.ts';
import { chapterFile } from './validate-chapters.ts';

/**
 * How many days a fact-check stays current. Versions and defaults in these technologies move
 * within months; past a year a reader should assume something the chapter states has changed.
 */
export const REVIEW_MAX_AGE_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day of a date in UTC, as YYYY-MM-DD (the form chapters write `reviewed` in). */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the day `date` falls on, so the hour of the build never moves the cut-off. */
function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The earliest `reviewed` date still current on `today`: REVIEW_MAX_AGE_DAYS days before it. */
export function oldestCurrentReview(today: Date): Date {
  return new Date(startOfUtcDay(today).getTime() - REVIEW_MAX_AGE_DAYS * DAY_MS);
}

/** True when a review done on `reviewed` is older than a year on `today`. */
export function isReviewStale(reviewed: Date, today: Date): boolean {
  return startOfUtcDay(reviewed) < oldestCurrentReview(today);
}

/** What a chapter page shows about its fact-check, worked out from its frontmatter. */
export interface FactCheckNote {
  /** "Fact-checked on 7 December 2026". */
  label: string;
  /** The review date as YYYY-MM-DD, for a `<time datetime>`. */
  isoDay: string;
  /** Versions the chapter was checked against, as the frontmatter lists them. */
  versions: string[];
  /** True when the review is older than a year on the build date. */
  stale: boolean;
}

/** Describe a chapter's fact-check for its page, with `today` the build date. */
export function describeFactCheck(
  data: { reviewed: Date; versions: string[] },
  today: Date,
): FactCheckNote {
  return {
    label: `Fact-checked on ${formatLongDate(data.reviewed)}`,
    isoDay: toIsoDay(data.reviewed),
    versions: data.versions,
    stale: isReviewStale(data.reviewed, today),
  };
}

/** A chapter as the review-age check sees it: its id (file name) and review date. */
export interface ReviewedChapter {
  id: string;
  data: { reviewed: Date };
}

/**
 * Report each chapter whose review is older than a year on `today`, or dated after `today` (a
 * future date would keep a chapter "current" without a review), naming the file, the field, the
 * date found and the range expected.
 */
export function findReviewAgeProblems(
  chapters: ReadonlyArray<ReviewedChapter>,
  today: Date,
): string[] {
  const oldest = toIsoDay(oldestCurrentReview(today));
  const day = toIsoDay(today);
  const problems: string[] = [];
  for (const { id, data } of chapters) {
    const reviewed = toIsoDay(data.reviewed);
    if (isReviewStale(data.reviewed, today))
      problems.push(
        `${chapterFile(id)}: reviewed: ${reviewed} is more than ${REVIEW_MAX_AGE_DAYS} days before ${day}; re-check its versions and claims against upstream (CONTRIBUTING.md, "A chapter") and set reviewed to the day the review was done, on or after ${oldest}.`,
      );
    else if (reviewed > day)
      problems.push(
        `${chapterFile(id)}: reviewed: ${reviewed} is after today (${day}); expected the day the review was done, on or before ${day}.`,
      );
  }
  return problems;
}
