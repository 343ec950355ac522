import type { ErrorObject } from 'ajv';
import { findNearestName } from './nearest-name.ts';
import { pointerToPath } from './positions.ts';
import type { ConfigProblem } from './result.ts';

/** Finds the line of a field (or of `key` inside it) in the file being checked. */
export type Locate = (path: ReadonlyArray<string | number>, key?: string) => number | undefined;

/** One readable problem: where (path and optional key) and what. */
interface Described {
  path: string[];
  key?: string;
  message: string;
}

/** Render a path such as ["spec", "containers", "0", "image"] as `spec.containers[0].image`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((s, i) => (/^\d+$/.test(String(s)) ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The value at a JSON path inside `root` (validators compiled without `verbose` omit it). */
function valueAt(root: unknown, path: ReadonlyArray<string>): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * Property names a schema declares, through local `$ref`s (JSON pointers into `schemaRoot`) and
 * allOf/anyOf/oneOf/then/else: the names `unevaluatedProperties` would have accepted somewhere.
 */
function declaredNames(schema: unknown, schemaRoot: unknown, seen = new Set<unknown>()): string[] {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const node = schema as Record<string, unknown>;
  const names = Object.keys((node['properties'] as Record<string, unknown> | undefined) ?? {});
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const pointer = ref
      .slice(2)
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    names.push(...declaredNames(valueAt(schemaRoot, pointer), schemaRoot, seen));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    for (const sub of (node[key] as unknown[] | undefined) ?? [])
      names.push(...declaredNames(sub, schemaRoot, seen));
  for (const key of ['then', 'else']) names.push(...declaredNames(node[key], schemaRoot, seen));
  return [...new Set(names)];
}

/** Description of the schema that raised an error, if it has one. */
function descriptionOf(error: ErrorObject): string | undefined {
  return (error.parentSchema as { description?: string } | undefined)?.description;
}

/** What a value should be, in a few words, for "expected ..." phrases. */
function expectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const description = descriptionOf(error);
  switch (error.keyword) {
    case 'type':
      return String(p['type']);
    case 'enum':
      return `one of ${(p['allowedValues'] as unknown[]).map((v) => show(v)).join(', ')}`;
    case 'const':
      return show(p['allowedValue']);
    case 'pattern':
      return description ?? `text matching ${String(p['pattern'])}`;
    case 'not':
      return description ?? 'a different value';
    default:
      return description ?? error.message ?? 'a valid value';
  }
}

/** One sentence for an ajv error, quoting the bad value and saying what was expected. */
export function describeSchemaError(
  error: ErrorObject,
  root?: unknown,
  schemaRoot?: unknown,
): Described {
  const path = pointerToPath(error.instancePath);
  const field = formatFieldPath(path);
  const at = field ? `${field}: ` : '';
  const p = error.params as Record<string, unknown>;
  const data = error.data !== undefined ? error.data : valueAt(root, path);
  const rule = error.schemaPath.includes('/then/') ? descriptionOf(error) : undefined;
  const because = rule ? ` (${rule})` : '';
  switch (error.keyword) {
    case 'required':
      return {
        path,
        message: `${at}missing required field "${String(p['missingProperty'])}"${because}`,
      };
    case 'additionalProperties': {
      const extra = String(p['additionalProperty']);
      const props = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)
        ?.properties;
      const allowed = props ? `; allowed: ${Object.keys(props).join(', ')}` : '';
      const nearest = props ? findNearestName(extra, Object.keys(props)) : undefined;
      const hint = nearest ? `; did you mean "${nearest}"?` : '';
      return { path, key: extra, message: `${at}unknown field "${extra}"${hint}${allowed}` };
    }
    case 'unevaluatedProperties': {
      // Closed through allOf/$ref (as ODCS does): the allowed names live in the referenced schemas.
      const extra = String(p['unevaluatedProperty']);
      const names = declaredNames(error.parentSchema, schemaRoot);
      const nearest = findNearestName(extra, names);
      const hint = nearest ? `; did you mean "${nearest}"?` : '';
      // Type-dependent branches (one per server type) can declare dozens of names; list few.
      const allowed = names.length && names.length <= 30 ? `; allowed: ${names.join(', ')}` : '';
      return { path, key: extra, message: `${at}unknown field "${extra}"${hint}${allowed}` };
    }
    case 'not': {
      // `{ "not": {} }` forbids a field outright; its description says why.
      const forbidden =
        error.schema !== null &&
        typeof error.schema === 'object' &&
        Object.keys(error.schema).length === 0;
      if (forbidden)
        return {
          path,
          message: `${at}not allowed${descriptionOf(error) ? `: ${descriptionOf(error)}` : ''}`,
        };
      return { path, message: `${at}is ${show(data)}; expected ${expectation(error)}` };
    }
    case 'type':
    case 'enum':
    case 'const':
    case 'pattern': {
      // A conditional rule's description says why (e.g. the Helm chart's own `fail` message).
      const expected = expectation(error);
      return {
        path,
        message: `${at}is ${show(data)}; expected ${expected}${rule && rule !== expected ? ` (${rule})` : ''}`,
      };
    }
    default: {
      const value = data === undefined || typeof data === 'object' ? '' : `is ${show(data)}; `;
      return { path, message: `${at}${value}${error.message ?? 'is invalid'}${because}` };
    }
  }
}

/**
 * True for an unevaluatedProperties error that only repeats another: additionalProperties already
 * names the same field at that value, or the field is one the schema declares and was left
 * unevaluated because the branch declaring it failed, which another error at or below the value
 * reports (a SQL quality rule without an operator fails its branch, leaving a valid `query`).
 */
function repeatsAnotherError(e: ErrorObject, errors: ErrorObject[], schemaRoot: unknown): boolean {
  if (e.keyword !== 'unevaluatedProperties') return false;
  const name = String((e.params as { unevaluatedProperty?: unknown }).unevaluatedProperty);
  const sameValue = (o: ErrorObject) => o.instancePath === e.instancePath;
  if (
    errors.some(
      (o) =>
        o.keyword === 'additionalProperties' &&
        sameValue(o) &&
        (o.params as { additionalProperty?: unknown }).additionalProperty === name,
    )
  )
    return true;
  const failedBranch = errors.some(
    (o) =>
      o !== e &&
      o.keyword !== 'unevaluatedProperties' &&
      o.keyword !== 'if' &&
      (sameValue(o) || o.instancePath.startsWith(`${e.instancePath}/`)),
  );
  return failedBranch && declaredNames(e.parentSchema, schemaRoot).includes(name);
}

/**
 * Merge the errors of anyOf/oneOf branches into one sentence per alternative set, and drop
 * summaries ("must match a schema in anyOf", failed `if`) that only repeat other errors.
 */
function collapseAlternatives(
  errors: ErrorObject[],
  root: unknown,
  schemaRoot?: unknown,
): Described[] {
  const out: Described[] = [];
  const consumed = new Set<ErrorObject>();
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // Innermost value first, so nested alternatives are merged before their parents look at them.
  alternatives.sort(
    (a, b) =>
      b.instancePath.length - a.instancePath.length || b.schemaPath.length - a.schemaPath.length,
  );
  for (const alt of alternatives) {
    if (consumed.has(alt)) continue;
    // Branch errors at the value itself carry the anyOf's schema path; errors below the value may
    // come through a $ref (whose schema path starts afresh), so take everything below it.
    const branches = errors.filter(
      (e) =>
        e !== alt &&
        !consumed.has(e) &&
        e.instancePath === alt.instancePath &&
        e.schemaPath.startsWith(`${alt.schemaPath}/`),
    );
    const deeper = errors.filter(
      (e) => e !== alt && !consumed.has(e) && e.instancePath.startsWith(`${alt.instancePath}/`),
    );
    branches.forEach((b) => consumed.add(b));
    consumed.add(alt);
    if (deeper.length) {
      // A branch failed on something inside the value: that is the real problem, reported below.
      continue;
    }
    const path = pointerToPath(alt.instancePath);
    const field = formatFieldPath(path);
    const at = field ? `${field}: ` : '';
    const oneOf = alt.keyword === 'oneOf';
    if (alt.keyword === 'oneOf' && (alt.params as { passingSchemas?: unknown }).passingSchemas) {
      out.push({
        path,
        message: `${at}${descriptionOf(alt) ?? 'matches more than one of the allowed shapes'}`,
      });
    } else if (branches.length && branches.every((b) => b.keyword === 'required')) {
      const names = branches.map(
        (b) => `"${String((b.params as { missingProperty: string }).missingProperty)}"`,
      );
      out.push({
        path,
        message: `${at}needs ${oneOf ? 'exactly' : 'at least'} one of ${names.join(', ')}${descriptionOf(alt) ? ` (${descriptionOf(alt)})` : ''}`,
      });
    } else {
      const data = alt.data !== undefined ? alt.data : valueAt(root, path);
      const expected = [
        ...new Set(branches.filter((b) => b.keyword !== 'if').map((b) => expectation(b))),
      ];
      out.push({
        path,
        message: `${at}is ${show(data)}; expected ${expected.join(' or ') || descriptionOf(alt) || 'one of the allowed shapes'}`,
      });
    }
  }
  for (const e of errors)
    if (!consumed.has(e) && e.keyword !== 'if' && !repeatsAnotherError(e, errors, schemaRoot))
      out.push(describeSchemaError(e, root, schemaRoot));
  return out;
}

/** Turn ajv errors into problems, each with the line `locate` finds for its field, without duplicates. */
export function schemaErrorsToProblems(
  file: string,
  errors: ErrorObject[] | null | undefined,
  locate: Locate | undefined,
  prefix = '',
  root?: unknown,
  schemaRoot?: unknown,
): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const { path, key, message } of collapseAlternatives(errors ?? [], root, schemaRoot)) {
    if (seen.has(message)) continue;
    seen.add(message);
    const line = locate?.(path, key);
    problems.push(
      line ? { file, line, message: prefix + message } : { file, message: prefix + message },
    );
  }
  return problems;
}
