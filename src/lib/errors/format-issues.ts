import type { z } from 'zod';

/** Error raised for bad project data; its message names the file, the field and what was expected. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Render a zod path such as ['edges', 3, 'target'] as `edges[3].target`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Turn zod issues into one line each: `<file>: <field>: <message>`. */
export function formatIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): string {
  return issues
    .map((issue) => {
      const field = formatPath(issue.path);
      return `${file}: ${field || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Parse `input` with `schema` or throw a DataError listing every problem with its file and field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  return result.data;
}
