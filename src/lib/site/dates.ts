/** A date as the site writes it in prose: "26 June 2026" (UTC, so the build machine's zone does not shift it). */
export function formatLongDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
