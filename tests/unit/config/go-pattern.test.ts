import { describe, expect, test } from 'vitest';
import { toJsPattern } from '../../../scripts/lib/upstream/go-pattern.ts';

describe('toJsPattern (CRD Go regular expressions for ajv)', () => {
  test('keeps a pattern JavaScript already reads the same way', () => {
    expect(toJsPattern('^(0|(([0-9]+)h)?(([0-9]+)m)?)$')).toBe('^(0|(([0-9]+)h)?(([0-9]+)m)?)$');
  });

  test('turns a (?i) flag into letter classes that match either case, as RE2 would', () => {
    const pattern = toJsPattern('^(?i)(abort|warn)?$')!;
    const re = new RegExp(pattern, 'u');
    expect(['abort', 'WARN', 'Abort', '']).toEqual(
      ['abort', 'WARN', 'Abort', ''].filter((s) => re.test(s)),
    );
    expect(re.test('ignore')).toBe(false);
  });

  test('folds letters inside a character class and leaves escapes alone', () => {
    const re = new RegExp(toJsPattern('^(?i)[a-c]+\\d$')!, 'u');
    expect(re.test('AbC1')).toBe(true);
    expect(re.test('Z1')).toBe(false);
    expect(re.test('abcd')).toBe(false);
    expect(new RegExp(toJsPattern('^(?i)[^a-c]$')!, 'u').test('B')).toBe(false);
  });

  test('gives up on Go-only syntax it cannot translate, so the caller records it as not checked', () => {
    expect(toJsPattern('^(?s).+\\z')).toBeUndefined();
    expect(toJsPattern('^[[:alpha:]]+$')).toBeUndefined();
  });
});
