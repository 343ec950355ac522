import type { z } from 'zod';
import { parse as parseYaml } from 'yaml';

/** Error raised for bad project data; its message names the file, the field and what was expected. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Render a zod path such as ['edges', 3, 'target'] as `edges[3].target`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

/** Turn zod issues into one line each: `<file>: <field>: <message>`. */
export function formatIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): string {
  return issues
    .map((issue) => {
      const field = formatPath(issue.path);
      // An unknown key in YAML data is nearly always a value cut short by an unquoted comma.
      const hint =
        issue.code === 'unrecognized_keys'
          ? ' (if this is part of a value, quote the value: an unquoted comma in a YAML flow mapping starts a new key)'
          : '';
      return `${file}: ${field || '(root)'}: ${issue.message}${hint}`;
    })
    .join('\n');
}

/** Parse `input` with `schema` or throw a DataError listing every problem with its file and field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  file: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  return result.data;
}

/** Parse YAML text or throw a DataError that names the file and the position. */
export function parseYamlText(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new DataError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}
