import { registerHooks } from 'node:module';

// dt-sql-parser's ESM build imports its own files without extensions ("../common/basicSQL"),
// which bundlers accept and Node's ESM loader refuses. This resolve hook, limited to imports made
// from inside dt-sql-parser, retries such a specifier as "<specifier>.js" and "<specifier>/index.js".
let registered = false;
function registerResolveShim(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const inside = context.parentURL?.includes('/dt-sql-parser/') ?? false;
      if (!inside || !specifier.startsWith('.') || /\.[cm]?js$/.test(specifier))
        return nextResolve(specifier, context);
      for (const candidate of [`${specifier}.js`, `${specifier}/index.js`]) {
        try {
          return nextResolve(candidate, context);
        } catch {
          // try the next form
        }
      }
      return nextResolve(specifier, context);
    },
  });
}

/** One syntax error from a dt-sql-parser grammar. */
export interface GrammarError {
  startLine: number;
  startColumn: number;
  message: string;
}

/** A dt-sql-parser parser: validate() returns the syntax errors of a script. */
export interface GrammarParser {
  validate(sql: string): GrammarError[];
}

type DtSqlParser = { TrinoSQL: new () => GrammarParser; FlinkSQL: new () => GrammarParser };
let loaded: Promise<DtSqlParser> | undefined;

/** dt-sql-parser's module (loaded once, through the resolve shim). */
export function loadDtSqlParser(): Promise<DtSqlParser> {
  registerResolveShim();
  loaded ??= import('dt-sql-parser') as unknown as Promise<DtSqlParser>;
  return loaded;
}

/** Run `fn` with console output muted: antlr's default listener prints while dt-sql-parser re-splits a failed script. */
function quietly<T>(fn: () => T): T {
  const { error, log, warn } = console;
  console.error = console.log = console.warn = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(console, { error, log, warn });
  }
}

/** The first syntax error a grammar reports for one statement, or undefined when it parses. */
export function firstGrammarError(
  parser: GrammarParser,
  statement: string,
): GrammarError | undefined {
  const errors = quietly(() => parser.validate(statement));
  return [...errors].sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn)[0];
}
