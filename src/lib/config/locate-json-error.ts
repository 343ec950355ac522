/** Where strict JSON first goes wrong: 1-based line and column and what was found there. */
export interface JsonErrorLocation {
  line: number;
  column: number;
  message: string;
}

class JsonScanError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

/**
 * Scan text as strict JSON (RFC 8259) and return the first error's position, or undefined when
 * it is valid. JSON.parse in Node 24 names the bad token but not always its position; this
 * scanner exists only to point at the line.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'end of file' : `"${text[i]}"`);
  const fail = (expected: string): never => {
    throw new JsonScanError(i, `expected ${expected}, found ${describe()}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('no raw control characters inside a string');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(
            text[i] === '}'
              ? 'another member after the comma (trailing commas are not JSON)'
              : 'a quoted member name',
          );
        string();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail('"," or "}"');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('another element after the comma (trailing commas are not JSON)');
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail('a value');
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('end of file');
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    return {
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      message: error.message,
    };
  }
}
