import { lineAtOffset } from './positions.ts';

/** A Jinja tag found in a dbt file. */
interface JinjaToken {
  kind: 'expr' | 'stmt' | 'comment';
  /** Text between the delimiters, trimmed, whitespace-control dashes removed. */
  inner: string;
  start: number;
  end: number;
  line: number;
}

/** SQL rendered from a dbt model, plus what the renderer could not do exactly. */
export interface RenderedDbt {
  /** SQL with every Jinja tag replaced; lines are kept so errors point at the source. */
  sql: string;
  /** Constructs rendered approximately (placeholders, first branches), one note each. */
  approximations: string[];
  /** Unbalanced or misplaced block tags, with their lines. */
  problems: Array<{ line: number; message: string }>;
  /** True when the file uses `is_incremental()`, so both renderings matter. */
  usesIncremental: boolean;
}

const TOKEN = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}|\{#-?([\s\S]*?)-?#\}/g;
const OPENERS: Record<string, string> = {
  if: 'endif',
  for: 'endfor',
  macro: 'endmacro',
  call: 'endcall',
  filter: 'endfilter',
  raw: 'endraw',
  test: 'endtest',
  materialization: 'endmaterialization',
  snapshot: 'endsnapshot',
  docs: 'enddocs',
};

/** Placeholder identifier for a Jinja expression we cannot evaluate offline. */
export const JINJA_PLACEHOLDER = 'dbt_jinja_value';

/** True when text contains Jinja tags. */
export function hasJinja(text: string): boolean {
  return /\{\{|\{%|\{#/.test(text);
}

function tokenize(text: string): JinjaToken[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    kind: m[1] !== undefined ? 'expr' : m[2] !== undefined ? 'stmt' : 'comment',
    inner: (m[1] ?? m[2] ?? m[3] ?? '').trim(),
    start: m.index,
    end: m.index + m[0].length,
    line: lineAtOffset(text, m.index),
  }));
}

/** Keep only the newlines of `text`, so replaced spans keep their line count. */
function keepLines(text: string): string {
  return text.replace(/[^\n]/g, '');
}

function unquote(arg: string): string | undefined {
  return /^\s*(['"])(.*)\1\s*$/.exec(arg)?.[2];
}

/** Render a `{{ ... }}` expression: ref, source, this and config exactly; anything else as a placeholder. */
function renderExpression(inner: string, approximations: string[]): string {
  const call = /^(\w+)\s*\(([\s\S]*)\)$/.exec(inner);
  if (inner === 'this') return 'dbt_this';
  if (call?.[1] === 'config') return '';
  if (call?.[1] === 'ref' || call?.[1] === 'source') {
    const args = call[2]!
      .split(',')
      .filter((a) => !/=/.test(a))
      .map(unquote);
    if (args.every((a) => a !== undefined && /^[A-Za-z_][\w$]*$/.test(a))) {
      return call[1] === 'ref' ? args[args.length - 1]! : (args as string[]).join('.');
    }
  }
  approximations.push(`{{ ${inner} }} replaced by the placeholder ${JINJA_PLACEHOLDER}`);
  return JINJA_PLACEHOLDER;
}

/** Check that block tags open and close in order; returns problems with lines. */
function checkBlocks(tokens: ReadonlyArray<JinjaToken>): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  const stack: Array<{ tag: string; line: number }> = [];
  for (const t of tokens.filter((t) => t.kind === 'stmt')) {
    const tag = t.inner.split(/\s+/)[0] ?? '';
    const isBlockSet = tag === 'set' && !t.inner.includes('=');
    if (OPENERS[tag] || isBlockSet) stack.push({ tag, line: t.line });
    else if (tag.startsWith('end')) {
      const open = stack.pop();
      const expected = open ? (OPENERS[open.tag] ?? 'endset') : undefined;
      if (expected !== tag)
        problems.push({
          line: t.line,
          message: open
            ? `{% ${tag} %} closes {% ${open.tag} %} from line ${open.line}; expected {% ${expected} %}`
            : `{% ${tag} %} has no matching opening tag`,
        });
    } else if (
      (tag === 'elif' || tag === 'else') &&
      stack[stack.length - 1]?.tag !== 'if' &&
      stack[stack.length - 1]?.tag !== 'for'
    ) {
      problems.push({ line: t.line, message: `{% ${tag} %} outside an {% if %} block` });
    }
  }
  for (const open of stack)
    problems.push({ line: open.line, message: `{% ${open.tag} %} is never closed` });
  return problems;
}

/**
 * Render the standard dbt constructs to plain SQL: `{{ ref() }}`, `{{ source() }}`,
 * `{{ config() }}`, `{{ this }}` and `{% if is_incremental() %}` (as an incremental run when
 * `incremental` is true, else a full refresh). Macro definitions and comments render to nothing.
 * Other tags are approximated and listed, so results can say so.
 */
export function renderDbt(text: string, incremental: boolean): RenderedDbt {
  const tokens = tokenize(text);
  const approximations: string[] = [];
  const problems = checkBlocks(tokens);
  let out = '';
  let cursor = 0;
  // Each open block records whether its current branch is emitted.
  const stack: Array<{ tag: string; emitting: boolean; taken: boolean; parentEmitting: boolean }> =
    [];
  const emitting = () => stack.every((s) => s.emitting);
  for (const t of tokens) {
    if (emitting()) out += text.slice(cursor, t.start);
    else out += keepLines(text.slice(cursor, t.start));
    cursor = t.end;
    const raw = text.slice(t.start, t.end);
    const words = t.inner.split(/\s+/);
    const tag = words[0] ?? '';
    let rendered = '';
    if (t.kind === 'expr' && emitting()) rendered = renderExpression(t.inner, approximations);
    else if (t.kind === 'stmt') {
      const parentEmitting = emitting();
      if (tag === 'if') {
        const condition = t.inner.slice(2).trim();
        let take: boolean;
        if (/^is_incremental\(\)$/.test(condition)) take = incremental;
        else if (/^not\s+is_incremental\(\)$/.test(condition)) take = !incremental;
        else {
          take = true;
          if (parentEmitting)
            approximations.push(`{% if ${condition} %} rendered with its first branch only`);
        }
        stack.push({ tag, emitting: take, taken: take, parentEmitting });
      } else if ((tag === 'elif' || tag === 'else') && stack[stack.length - 1]?.tag === 'if') {
        const top = stack[stack.length - 1]!;
        top.emitting = !top.taken;
        top.taken = true;
      } else if (tag === 'for') {
        if (parentEmitting)
          approximations.push(`{% ${t.inner} %} rendered once, loop variables as placeholders`);
        stack.push({ tag, emitting: true, taken: true, parentEmitting });
      } else if (
        tag === 'macro' ||
        tag === 'test' ||
        tag === 'materialization' ||
        tag === 'docs' ||
        (tag === 'set' && !t.inner.includes('='))
      ) {
        stack.push({ tag, emitting: false, taken: true, parentEmitting });
      } else if (OPENERS[tag]) {
        stack.push({ tag, emitting: true, taken: true, parentEmitting });
      } else if (tag.startsWith('end')) {
        stack.pop();
      }
    }
    out += rendered + keepLines(raw).slice(keepLines(rendered).length);
  }
  out += emitting() ? text.slice(cursor) : keepLines(text.slice(cursor));
  const usesIncremental = tokens.some(
    (t) => t.kind === 'stmt' && /\bis_incremental\(\)/.test(t.inner),
  );
  return { sql: out, approximations: [...new Set(approximations)], problems, usesIncremental };
}
