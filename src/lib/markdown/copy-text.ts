// Runs in the browser (src/scripts/code-copy.ts): no imports beyond plain TypeScript.

/**
 * The text a code block's copy button copies, from the text of its rendered lines (Expressive
 * Code's `.ec-line` elements, in order). An empty line renders as a lone newline so that it keeps
 * its height; it stands for an empty line here.
 */
export function joinCodeLines(lines: readonly string[]): string {
  return lines.map((line) => (line === '\n' ? '' : line)).join('\n');
}
