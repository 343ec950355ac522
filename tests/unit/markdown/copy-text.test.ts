import { expect, test } from 'vitest';
import { joinCodeLines } from '../../../src/lib/markdown/copy-text.ts';

test('a copy joins the rendered lines, reading a lone newline as an empty line', () => {
  expect(joinCodeLines(['a = 1', '\n', '# b', '  c: 2'])).toBe('a = 1\n\n# b\n  c: 2');
  expect(joinCodeLines(['only'])).toBe('only');
  expect(joinCodeLines([])).toBe('');
});
