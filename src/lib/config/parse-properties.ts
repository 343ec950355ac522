/** One key/value pair of a Java .properties file, with the line its key starts on. */
export interface PropertyEntry {
  key: string;
  value: string;
  line: number;
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

/** Index of the first unescaped separator (=, : or whitespace) in a logical line, or -1. */
function findSeparator(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') i++;
    else if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') return i;
  }
  return -1;
}

/**
 * Parse Java .properties text as java.util.Properties.load does: `#`/`!` comments, `=`, `:` or
 * whitespace separators, backslash line continuations and escapes.
 */
export function parseProperties(text: string): PropertyEntry[] {
  const physical = text.split(/\r\n|\r|\n/);
  const entries: PropertyEntry[] = [];
  for (let i = 0; i < physical.length; i++) {
    const startLine = i + 1;
    let logical = physical[i]!.replace(/^[ \t\f]+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the line.
    while (/(^|[^\\])(\\\\)*\\$/.test(logical) && i + 1 < physical.length) {
      logical = logical.slice(0, -1) + physical[++i]!.replace(/^[ \t\f]+/, '');
    }
    const sep = findSeparator(logical);
    if (sep === -1) {
      entries.push({ key: unescape(logical), value: '', line: startLine });
      continue;
    }
    const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\f';
    let j = sep;
    while (isSpace(logical[j])) j++;
    if (logical[j] === '=' || logical[j] === ':') j++;
    while (isSpace(logical[j])) j++;
    entries.push({
      key: unescape(logical.slice(0, sep)),
      value: unescape(logical.slice(j)),
      line: startLine,
    });
  }
  return entries;
}
