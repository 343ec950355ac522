import { describe, expect, test } from 'vitest';
import {
  describeFactCheck,
  findReviewAgeProblems,
  isReviewStale,
} from '../../../src/lib/chapter/review-age.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const chapter = (id: string, reviewed: string) => ({ id, data: { reviewed: day(reviewed) } });

describe('isReviewStale', () => {
  const today = day('2026-12-07');

  test('a review exactly 365 days old is still current; one day more is stale', () => {
    expect(isReviewStale(day('2025-12-07'), today)).toBe(false);
    expect(isReviewStale(day('2025-12-06'), today)).toBe(true);
  });

  test('a review from today or last month is current', () => {
    expect(isReviewStale(day('2026-12-07'), today)).toBe(false);
    expect(isReviewStale(day('2026-11-07'), today)).toBe(false);
  });

  test('the hour of the build does not move the cut-off', () => {
    expect(isReviewStale(day('2025-12-07'), new Date('2026-12-07T23:59:00Z'))).toBe(false);
    expect(isReviewStale(day('2025-12-07'), new Date('2026-12-08T00:01:00Z'))).toBe(true);
  });
});

describe('describeFactCheck', () => {
  test('labels the review date in words and keeps the versions it was checked against', () => {
    expect(
      describeFactCheck(
        { reviewed: day('2026-12-07'), versions: ['Trino 483', 'Apache Iceberg 1.11'] },
        day('2026-12-07'),
      ),
    ).toMatchInlineSnapshot(`
        {
          "isoDay": "2026-12-07",
          "label": "Fact-checked on 7 December 2026",
          "stale": false,
          "versions": [
            "Trino 483",
            "Apache Iceberg 1.11",
          ],
        }
      `);
  });

  test('flags a review older than a year on the build date', () => {
    expect(
      describeFactCheck({ reviewed: day('2025-11-28'), versions: [] }, day('2026-12-07')).stale,
    ).toBe(true);
  });
});

describe('findReviewAgeProblems', () => {
  const today = day('2026-12-07');

  test('accepts chapters reviewed within the year', () => {
    expect(
      findReviewAgeProblems(
        [chapter('data-storage', '2026-12-07'), chapter('bi-cluster', '2025-12-07')],
        today,
      ),
    ).toEqual([]);
  });

  test('rejects a review older than a year, naming the file, the field, the date and the earliest current date', () => {
    expect(findReviewAgeProblems([chapter('data-storage', '2025-11-28')], today))
      .toMatchInlineSnapshot(`
      [
        "content/chapters/data-storage.mdx: reviewed: 2025-11-28 is more than 365 days before 2026-12-07; re-check its versions and claims against upstream (CONTRIBUTING.md, "A chapter") and set reviewed to the day the review was done, on or after 2025-12-07.",
      ]
    `);
  });

  test('rejects a review dated in the future, which would keep a chapter current without a review', () => {
    expect(findReviewAgeProblems([chapter('bi-cluster', '2027-01-01')], today)).toEqual([
      'content/chapters/bi-cluster.mdx: reviewed: 2027-01-01 is after today (2026-12-07); expected the day the review was done, on or before 2026-12-07.',
    ]);
  });
});
