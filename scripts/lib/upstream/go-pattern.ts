/**
 * CRD `pattern`s are Go (RE2) regular expressions, which the API server evaluates; the schemas we
 * derive are checked with JavaScript's RegExp (ajv, `u` flag). Most RE2 syntax means the same in
 * both, but RE2's inline flags do not exist in JavaScript: the Prometheus Operator's CRDs use
 * `^(?i)(abort|warn)?$`, which JavaScript refuses to compile. We rewrite a case-insensitive flag
 * into explicit letter classes and give up (the caller drops the pattern and records it as not
 * checked) on anything else JavaScript cannot compile.
 */

/** Swap the case of unescaped ASCII letters (escapes such as \\d keep their meaning). */
function swapLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
    } else out += c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  }
  return out;
}

/**
 * Make every ASCII letter of `pattern` match either case: a letter outside a class becomes
 * `[xX]`, and a class gets a case-swapped copy of its members (`[^a-c]` becomes `[^a-cA-C]`).
 */
function caseFold(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[') {
      // The class body runs to the first unescaped "]" after an optional "^" and a leading "]".
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      const negated = pattern[i + 1] === '^';
      const body = pattern.slice(i + 1 + (negated ? 1 : 0), j);
      const extra = swapLetters(body).replace(/^\]/, '');
      out += `[${negated ? '^' : ''}${body}${extra === body ? '' : extra}]`;
      i = j;
    } else if (/[a-z]/i.test(c)) out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    else out += c;
  }
  return out;
}

/** Whether JavaScript compiles `pattern` with the `u` flag, as ajv does. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * A JavaScript pattern that matches what the Go pattern matches, or undefined when we cannot
 * translate it. Handles a single `(?i)` flag (it applies to the rest of the pattern, which is how
 * the CRDs use it); other inline flags and Go-only syntax return undefined.
 */
export function toJsPattern(goPattern: string): string | undefined {
  // RE2's POSIX classes ([[:alpha:]]) compile in JavaScript but mean something else there.
  if (goPattern.includes('[:')) return undefined;
  const flag = goPattern.indexOf('(?i)');
  const translated =
    flag < 0 ? goPattern : goPattern.slice(0, flag) + caseFold(goPattern.slice(flag + 4));
  return compiles(translated) ? translated : undefined;
}
