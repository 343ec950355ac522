import { describe, expect, test } from 'vitest';
import {
  getPrevNext,
  groupChaptersByPart,
  orderChapters,
} from '../../../src/lib/chapter/navigation.ts';
import { buildToc } from '../../../src/lib/chapter/toc.ts';
import {
  countWords,
  findMissingSections,
  listSections,
} from '../../../src/lib/chapter/structure.ts';

const parts = [
  { id: 'A', title: 'Ingestion' },
  { id: 'F', title: 'Infrastructure' },
  { id: 'G', title: 'Security' },
] as const;
const chapter = (id: string, number: number, part: string) => ({
  id,
  data: { title: id, number, part },
});
const chapters = [
  chapter('security', 15, 'G'),
  chapter('ci-cd', 17, 'F'),
  chapter('iac', 14, 'F'),
  chapter('sources', 1, 'A'),
];

describe('navigation', () => {
  test('groups chapters by part in part order, each part by component number', () => {
    const groups = groupChaptersByPart(parts, chapters);
    expect(groups.map((g) => [g.part.id, g.chapters.map((c) => c.data.number)])).toEqual([
      ['A', [1]],
      ['F', [14, 17]],
      ['G', [15]],
    ]);
  });

  test('reading order follows the sidebar, so 17 comes before 15', () => {
    expect(orderChapters(parts, chapters).map((c) => c.data.number)).toEqual([1, 14, 17, 15]);
  });

  test('gives previous and next, and nothing past either end', () => {
    const ordered = orderChapters(parts, chapters);
    expect(getPrevNext(ordered, 'iac')).toEqual({ prev: ordered[0], next: ordered[2] });
    expect(getPrevNext(ordered, 'sources')).toEqual({ next: ordered[1] });
    expect(getPrevNext(ordered, 'security')).toEqual({ prev: ordered[2] });
    expect(getPrevNext(ordered, 'nope')).toEqual({});
  });
});

describe('table of contents', () => {
  test('nests h3 under the preceding h2 and drops other depths', () => {
    const toc = buildToc([
      { depth: 2, slug: 'role', text: 'Role' },
      { depth: 3, slug: 'in', text: 'What flows in' },
      { depth: 4, slug: 'deep', text: 'Too deep' },
      { depth: 2, slug: 'ops', text: 'Operating it' },
    ]);
    expect(toc).toEqual([
      {
        slug: 'role',
        text: 'Role',
        children: [{ slug: 'in', text: 'What flows in', children: [] }],
      },
      { slug: 'ops', text: 'Operating it', children: [] },
    ]);
  });

  test('keeps an h3 that comes before any h2 at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'a', text: 'A' }])).toEqual([
      { slug: 'a', text: 'A', children: [] },
    ]);
  });
});

describe('chapter structure', () => {
  const body = '## Role and boundaries\ntext\n```md\n## Not a heading\n```\n## Design decisions\n';
  test('lists h2 sections outside code blocks', () => {
    expect(listSections(body)).toEqual(['Role and boundaries', 'Design decisions']);
  });
  test('reports required sections that are missing', () => {
    expect(findMissingSections(body)).toContain('Sources');
    expect(findMissingSections(body)).not.toContain('Design decisions');
  });
  test('counts prose words and not code', () => {
    expect(countWords('Two words\n```\nnot counted here\n```\n')).toBe(2);
  });
});
