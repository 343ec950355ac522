import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseChapter } from '../../../src/lib/chapter/parse-chapter.ts';

const fixture = (name: string) => {
  const file = `tests/fixtures/chapters/${name}`;
  return () => parseChapter(readFileSync(file, 'utf8'), file);
};

describe('chapter frontmatter', () => {
  test('rejects a chapter that restates the number and part the graph gives it', () => {
    expect(fixture('restates-graph.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/chapters/restates-graph.mdx: (root): Unrecognized keys: "number", "part" (if this is part of a value, quote the value: an unquoted comma in a YAML flow mapping starts a new key)]`,
    );
  });

  test('rejects a chapter without technologies', () => {
    expect(fixture('missing-technologies.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/chapters/missing-technologies.mdx: technologies: Invalid input: expected array, received undefined]`,
    );
  });

  test('rejects an unknown lens status, naming the list index', () => {
    expect(fixture('bad-lens-status.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/chapters/bad-lens-status.mdx: lenses[0].status: expected one of addressed, partial, not-addressed]`,
    );
  });

  test('rejects a file without frontmatter', () => {
    expect(fixture('no-frontmatter.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/chapters/no-frontmatter.mdx: no frontmatter; expected the file to start with a "---" YAML block.]`,
    );
  });

  test('fills defaults and coerces the review date', () => {
    const source = readFileSync('tests/fixtures/chapters/restates-graph.mdx', 'utf8').replace(
      'number: 4\npart: A\n',
      '',
    );
    const { data, body } = parseChapter(source, 'x.mdx');
    expect(data.reviewed).toEqual(new Date('2026-11-28'));
    expect(data).toMatchObject({
      alternatives: [],
      related: [],
      lenses: [],
      versions: [],
      keywords: [],
    });
    expect(data.technologies[0]).toEqual({ name: 'Apache Kafka', role: 'event log', seed: true });
    expect(body.trim()).toBe('Body.');
  });
});
