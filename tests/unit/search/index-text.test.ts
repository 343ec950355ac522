import { describe, expect, test } from 'vitest';
import { separateBlocksForIndex } from '../../../src/lib/search/index-text.ts';

describe('separateBlocksForIndex', () => {
  test('puts a space after header cells, definition terms and summaries', () => {
    expect(separateBlocksForIndex('<tr><th>Responsibility</th><th>Source</th></tr>')).toBe(
      '<tr><th>Responsibility</th> <th>Source</th> </tr> ',
    );
    expect(
      separateBlocksForIndex(
        '<summary>How this file is checked</summary><dl><dt>Tools</dt><dd>x</dd></dl>',
      ),
    ).toBe('<summary>How this file is checked</summary> <dl><dt>Tools</dt> <dd>x</dd> </dl> ');
  });

  test('leaves inline elements and text alone', () => {
    expect(separateBlocksForIndex('<p>a <code>b</code>c <a href="#x">d</a></p>')).toBe(
      '<p>a <code>b</code>c <a href="#x">d</a></p>',
    );
  });
});
