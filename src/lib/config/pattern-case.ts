/**
 * Case-insensitive groups in schema patterns, without RegExp modifiers.
 *
 * Our schemas write `(?i:true|false)` where Trino, Druid or dbt read a value case-insensitively: it
 * is how the upstream code reads. V8's support for modifier groups has matched inconsistently
 * (nodejs/node#60030, a confirmed V8 bug in Node 24), and in the shared Vitest workers one schema
 * test failed in about 1 run in 3 with `trino_metadata` rejected as if `(?i:` were ignored. So every
 * pattern is rewritten before it is compiled: `(?i:true)` becomes `(?:[tT][rR][uU][eE])`, which
 * needs no modifier support at all.
 */

const MODIFIER_GROUP = /\(\?i:([^()]*)\)/g;
/** What a rewritable group may hold: literal words, `-`, alternatives and anchors. */
const PLAIN_BODY = /^[\w|^$-]*$/;
/** Any modifier syntax left after the rewrite: `(?i:` with nested groups, `(?-i:`, `(?m:`, `(?i)`... */
const ANY_MODIFIER = /\(\?[a-z]*-?[a-z]*[:)]/i;

/** `pattern` with every `(?i:...)` group spelt out as `[aA]` classes; throws on modifiers it cannot rewrite. */
export function foldCaseModifiers(pattern: string): string {
  const folded = pattern.replace(MODIFIER_GROUP, (group, body: string) => {
    if (!PLAIN_BODY.test(body))
      throw new Error(
        `pattern ${JSON.stringify(pattern)}: the group ${group} holds more than letters, digits, "_", "-", "|", "^" and "$"; write it without a modifier group`,
      );
    return `(?:${body.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)})`;
  });
  // `(?:` and lookarounds `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>` are not modifiers.
  const left = folded.replace(/\(\?(?::|=|!|<)/g, '');
  if (ANY_MODIFIER.test(left))
    throw new Error(
      `pattern ${JSON.stringify(pattern)}: only (?i:...) modifier groups of plain words are supported`,
    );
  return folded;
}

/** Ajv's `code.regExp` engine: compile a schema pattern after folding its modifier groups. */
export const foldingRegExp = Object.assign(
  (pattern: string, flags: string) => new RegExp(foldCaseModifiers(pattern), flags),
  // Ajv writes this into standalone code only; we never generate standalone validators.
  { code: 'foldingRegExp' },
);
