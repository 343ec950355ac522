/** One SQL statement cut from a file, with where it starts. */
export interface SqlStatement {
  /** Statement text without the terminating semicolon; comments inside are kept. */
  text: string;
  /** 1-based line of the statement's first non-blank, non-comment character. */
  line: number;
  /** 1-based line where `text` itself begins (before any leading comments or blank lines). */
  textLine: number;
  /** True when a semicolon ended it (false for a trailing statement without one). */
  terminated: boolean;
}

/** Replace comments with spaces (newlines kept) so offsets and lines stay the same. */
export function blankComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      const end = findQuoteEnd(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the quote that closes the one at `start` (doubled quotes escape). */
function findQuoteEnd(sql: string, start: number): number {
  const quote = sql[start]!;
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else if (sql[i] === '\\' && quote !== '"') i += 2;
    else i++;
  }
  return sql.length;
}

/**
 * Split SQL text on semicolons outside quotes and comments. Statements that hold only
 * comments or whitespace are dropped. Quoted text is never split.
 */
export function splitStatements(sql: string): SqlStatement[] {
  const blank = blankComments(sql);
  const statements: SqlStatement[] = [];
  let start = 0;
  const push = (end: number, terminated: boolean) => {
    const code = blank.slice(start, end);
    const first = code.search(/\S/);
    if (first !== -1) {
      const before = sql.slice(0, start + first);
      const textLine = sql.slice(0, start).split('\n').length;
      statements.push({
        text: sql.slice(start, end),
        line: before.split('\n').length,
        textLine,
        terminated,
      });
    }
    start = end + 1;
  };
  let i = 0;
  while (i < blank.length) {
    const c = blank[i]!;
    if (c === "'" || c === '"' || c === '`') i = findQuoteEnd(blank, i);
    else if (c === ';') push(i++, true);
    else i++;
  }
  push(blank.length, false);
  return statements;
}

/** Index of the parenthesis closing the one at `open`, skipping quotes; -1 when unbalanced. */
export function findClosingParen(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = findQuoteEnd(text, i);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** Split a list on commas at parenthesis depth 0, outside quotes. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = findQuoteEnd(text, i);
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}
