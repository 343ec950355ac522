import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { remarkMermaid } from '../../../src/lib/mermaid/remark-mermaid.ts';

const tree = (value: string, line = 12): Root => ({
  type: 'root',
  children: [
    {
      type: 'code',
      lang: 'mermaid',
      value,
      position: { start: { line, column: 1 }, end: { line: line + 3, column: 4 } },
    },
  ],
});

describe('remarkMermaid', () => {
  test('turns a mermaid block into one inline SVG per theme', async () => {
    const root = tree('flowchart LR\n  kafka["Kafka"] --> flink["Flink"]');
    await remarkMermaid()(root, { path: 'content/chapters/ok.mdx' });
    const node = root.children[0] as unknown as {
      data: {
        hName: string;
        hChildren: { properties: { className: string[] }; children: { tagName: string }[] }[];
      };
    };
    expect(node.data.hName).toBe('figure');
    expect(node.data.hChildren.map((c) => c.properties.className)).toEqual([
      ['mermaid', 'mermaid-light'],
      ['mermaid', 'mermaid-dark'],
    ]);
    for (const figure of node.data.hChildren)
      expect(figure.children.map((c) => c.tagName)).toContain('svg');
  });

  test("an invalid diagram fails with the file, the line, Mermaid's message and the diagram", async () => {
    const source = 'flowchart LR\n  a -->|"unclosed b';
    await expect(
      remarkMermaid()(tree(source, 40), { path: 'content/chapters/broken.mdx' }),
    ).rejects.toThrow(
      /^content\/chapters\/broken\.mdx:40: Mermaid diagram is invalid: Parse error on line \d+:\n[^\n]*unclosed b\n-+\^\nExpecting [^\n]*\n--- diagram ---\nflowchart LR\n {2}a -->\|"unclosed b$/,
    );
  });
});
