import { describe, expect, test } from 'vitest';
import { splitInlineCode } from '../../../src/lib/config/inline-code.ts';

describe('splitInlineCode', () => {
  test('turns names between backticks into code runs', () => {
    expect(splitInlineCode('every key under `spec.template` is known to `flink` 2.1')).toEqual([
      { text: 'every key under ', code: false },
      { text: 'spec.template', code: true },
      { text: ' is known to ', code: false },
      { text: 'flink', code: true },
      { text: ' 2.1', code: false },
    ]);
  });

  test('keeps an unpaired backtick and text without backticks as they are', () => {
    expect(splitInlineCode('a ` alone')).toEqual([{ text: 'a ` alone', code: false }]);
    expect(splitInlineCode('plain')).toEqual([{ text: 'plain', code: false }]);
    expect(splitInlineCode('`x`')).toEqual([{ text: 'x', code: true }]);
  });
});
