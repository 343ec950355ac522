import { expect, test } from 'vitest';
import { formatLongDate } from '../../../src/lib/site/dates.ts';

test('writes a date in words, in UTC whatever the machine zone', () => {
  const zone = process.env['TZ'];
  // East of UTC, 23:30 UTC on the 28th is already the 29th; the site still writes the 28th.
  process.env['TZ'] = 'Pacific/Auckland';
  try {
    expect(formatLongDate(new Date('2026-06-26T00:00:00Z'))).toBe('26 June 2026');
    expect(formatLongDate(new Date('2026-11-28T23:30:00Z'))).toBe('28 November 2026');
  } finally {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  }
});
