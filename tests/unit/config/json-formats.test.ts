import { describe, expect, test } from 'vitest';
import { isDateTime, isFullDate, isUri } from '../../../src/lib/config/json-formats.ts';

describe('JSON Schema formats of the config schema registry', () => {
  test('date accepts calendar dates only', () => {
    expect(isFullDate('2024-02-29')).toBe(true);
    expect(isFullDate('2023-02-29')).toBe(false);
    expect(isFullDate('2024-13-01')).toBe(false);
    expect(isFullDate('2024-3-1')).toBe(false);
  });

  test('date-time needs a valid date, a valid time and an offset', () => {
    expect(isDateTime('2024-03-01T09:00:00+00:00')).toBe(true);
    expect(isDateTime('2024-03-01T09:00:00.123Z')).toBe(true);
    expect(isDateTime('2024-03-01T09:00:00')).toBe(false);
    expect(isDateTime('2024-03-01T24:00:00Z')).toBe(false);
    expect(isDateTime('2024-02-30T09:00:00Z')).toBe(false);
  });

  test('uri needs a scheme and a parsable rest', () => {
    expect(isUri('https://acme.slack.com/archives/C0CHECKOUTDATA')).toBe(true);
    expect(isUri('mailto:data@acme.example')).toBe(true);
    expect(isUri('acme.slack.com/archives')).toBe(false);
    expect(isUri('https://')).toBe(false);
  });
});
