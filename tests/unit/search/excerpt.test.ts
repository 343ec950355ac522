import { describe, expect, test } from 'vitest';
import { decodeEntities, excerptText, parseExcerpt } from '../../../src/lib/search/excerpt.ts';

describe('parseExcerpt', () => {
  test('splits an excerpt into marked and plain runs', () => {
    expect(parseExcerpt('Flink assigns <mark>watermarks</mark> per <mark>partition</mark>.'))
      .toMatchInlineSnapshot(`
      [
        {
          "marked": false,
          "text": "Flink assigns ",
        },
        {
          "marked": true,
          "text": "watermarks",
        },
        {
          "marked": false,
          "text": " per ",
        },
        {
          "marked": true,
          "text": "partition",
        },
        {
          "marked": false,
          "text": ".",
        },
      ]
    `);
  });

  test('decodes escaped markup from the page into text, never into tags', () => {
    const segments = parseExcerpt(
      'use &lt;script&gt;alert(1)&lt;/script&gt; and <mark>a &amp; b</mark>',
    );
    expect(segments).toEqual([
      { text: 'use <script>alert(1)</script> and ', marked: false },
      { text: 'a & b', marked: true },
    ]);
  });

  test('drops tags other than mark and keeps their text', () => {
    expect(excerptText('<img src=x onerror=alert(1)>see <b>bold</b> <mark>kafka</mark>')).toBe(
      'see bold kafka',
    );
  });

  test('merges adjacent runs of the same kind', () => {
    expect(parseExcerpt('<mark>late</mark><mark> events</mark>')).toEqual([
      { text: 'late events', marked: true },
    ]);
  });

  test('returns nothing for an empty excerpt', () => {
    expect(parseExcerpt('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  test('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&quot;a&quot; &#39;b&#39; &#x2014; &nbsp;')).toBe('"a" \'b\' — \u00a0');
  });
  test('leaves unknown or invalid references as written', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });
});
