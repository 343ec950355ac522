import { formatFieldPath } from './schema-errors.ts';
import { lineOfPath, type LocatedDocument } from './positions.ts';
import type { ConfigProblem } from './result.ts';

// Path segments whose values a chart copies into Kubernetes object fields as they are: Helm
// renders values, it never expands shell-style ${NAME} placeholders, so the API server (and the
// AWS Load Balancer Controller, the kubelet pulling an image) would get the literal text.
// Elsewhere ${...} is often the application's own syntax (Trino's ${ENV:X} or ${USER}).
const VERBATIM_SEGMENTS = new Set(['annotations', 'labels', 'image']);

/** `${NAME}` placeholders in values a chart copies verbatim into Kubernetes objects. */
export function findUnsubstitutedPlaceholders(file: string, doc: LocatedDocument): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      const names = [...value.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]!);
      if (names.length && path.some((s) => VERBATIM_SEGMENTS.has(s))) {
        const line = lineOfPath(doc, path);
        const message = `${formatFieldPath(path)}: \${${names.join('}, ${')}} ${names.length > 1 ? 'are' : 'is'} never substituted: Helm copies the value into the Kubernetes object as written; pass it at install time (helm --set-string) or write the value`;
        problems.push(line ? { file, line, message } : { file, message });
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(doc.value, []);
  return problems;
}
