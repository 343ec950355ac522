import { parse } from 'yaml';

/** A chart's values as the templates see them: paths read and paths handed over whole. */
export interface TemplateReads {
  /** Every `.Values.a.b.c` path the templates read, as dotted strings. */
  paths: Set<string>;
}

/** Collect the `.Values.x.y` paths read by a chart's templates (including `$.Values`). */
export function readTemplatePaths(templates: string[]): TemplateReads {
  const paths = new Set<string>();
  for (const text of templates)
    for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g))
      paths.add(m[1]!.slice(1));
  return { paths };
}

/** Options for deriving a values schema from a chart. */
export interface KeyTreeOptions {
  /**
   * Paths whose contents the chart passes on whole or iterates over by the user's own names
   * (toYaml, range, tpl), found by reading its templates; each maps to why, for the schema.
   */
  freeForm: Record<string, string>;
}

type Schema = Record<string, unknown>;

/**
 * JSON Schema of a chart's values: the key tree of its default values.yaml plus every path its
 * templates read, closed at every map level (a key the chart neither defaults nor reads is
 * ignored by Helm, which is how a misspelling slips through), except where the chart treats a
 * map as free-form: an empty default map that templates never read into, or a path listed in
 * `freeForm`. Maps, lists and scalars keep their kind, booleans and numbers their type; list
 * items are not checked.
 */
export function deriveValuesSchema(
  valuesYaml: string,
  templates: string[],
  options: KeyTreeOptions,
): Schema {
  const defaults = parse(valuesYaml) as Record<string, unknown>;
  const { paths } = readTemplatePaths(templates);
  const readBelow = (path: string) => [...paths].some((p) => p.startsWith(`${path}.`));
  const childrenRead = (path: string) =>
    new Set(
      [...paths]
        .filter((p) => p.startsWith(path ? `${path}.` : ''))
        .map((p) => p.slice(path ? path.length + 1 : 0).split('.')[0]!),
    );

  const build = (path: string, value: unknown): Schema => {
    if (path && options.freeForm[path])
      return { description: `free-form: ${options.freeForm[path]}` };
    if (Array.isArray(value)) return { type: 'array' };
    const isMap = value !== null && typeof value === 'object';
    if (!isMap) {
      if (value === null || value === undefined) {
        // No default: a map if templates read keys below it, otherwise anything.
        return readBelow(path) ? build(path, {}) : {};
      }
      // Booleans and numbers keep their type (a template testing `if .enabled` or doing
      // arithmetic misreads "yes" or "two"); a string default accepts any single value.
      if (typeof value === 'boolean')
        return { type: ['boolean', 'null'], description: `true or false (default ${value})` };
      if (typeof value === 'number')
        return { type: ['number', 'null'], description: `a number (default ${value})` };
      return {
        not: { type: ['object', 'array'] },
        description: `a single value (default ${JSON.stringify(value)})`,
      };
    }
    const entries = value as Record<string, unknown>;
    const keys = new Set([...Object.keys(entries), ...childrenRead(path)]);
    if (keys.size === 0)
      return {
        type: 'object',
        description: 'free-form map (empty by default and read whole by the templates)',
      };
    const properties: Record<string, Schema> = {};
    for (const key of [...keys].sort())
      properties[key] = build(path ? `${path}.${key}` : key, entries[key]);
    return { type: ['object', 'null'], properties, additionalProperties: false };
  };
  return build('', defaults);
}
