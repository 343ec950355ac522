import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { nearestHint } from './nearest-name.ts';
import { pointerToPath } from './positions.ts';
import type { ConfigProblem } from './result.ts';
import { formatFieldPath, schemaErrorsToProblems, type Locate } from './schema-errors.ts';

// ajv ships CommonJS; under Node's ESM loader the class is on `.default`. dbt's schemas are draft-07.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;

const UPSTREAM = 'src/lib/config/upstream';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  $ref?: string;
  [k: string]: unknown;
};

/** dbt-core's schemas and dbt-trino's names, as scripts/lib/schema-sources wrote them. */
export interface DbtUpstream {
  project: {
    schema: JsonSchema & { definitions: Record<string, JsonSchema> };
    validate: ValidateFunction;
  };
  resources: { schema: JsonSchema; validate: ValidateFunction };
  trino: {
    configs: string[];
    credentials: Record<string, string[]>;
    aliases: Record<string, string>;
  };
  /** "dbt-core v1.12.3" and "dbt-trino v1.10.2", for messages. */
  core: string;
  adapter: string;
}

const cache = new Map<string, DbtUpstream>();

/** Load and compile the upstream dbt schemas (cached per root). */
export function loadDbtUpstream(root: string): DbtUpstream {
  const hit = cache.get(root);
  if (hit) return hit;
  const read = (name: string) =>
    JSON.parse(readFileSync(join(root, UPSTREAM, name), 'utf8')) as Record<string, unknown>;
  // strict off: the schemas come from dbt Fusion and use keywords (format int64, x-provenance) ajv does not define.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateFormats: false });
  const project = read('dbt-core-project.json');
  const resources = read('dbt-core-resources.json');
  const trino = read('dbt-trino.json') as unknown as DbtUpstream['trino'] & {
    'x-provenance': { ref: string };
  };
  const loaded: DbtUpstream = {
    project: {
      schema: project as DbtUpstream['project']['schema'],
      validate: ajv.compile(project),
    },
    resources: { schema: resources, validate: ajv.compile(resources) },
    trino,
    core: `dbt-core ${(project['x-provenance'] as { ref: string }).ref}`,
    adapter: `dbt-trino ${trino['x-provenance'].ref}`,
  };
  cache.set(root, loaded);
  return loaded;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Project keys holding resource config trees (dbt-core's _HIERARCHICAL_CONFIG_KEYS in
 * core/dbt/jsonschemas/jsonschemas.py, spelt as the project schema spells them).
 */
const HIERARCHICAL_KEYS = new Set([
  'seeds',
  'sources',
  'models',
  'snapshots',
  'tests',
  'exposures',
  'data_tests',
  'metrics',
  'saved-queries',
  'semantic-models',
  'unit_tests',
]);

/** The definition a project key's `anyOf: [{$ref}, null]` points at. */
function configDefinition(up: DbtUpstream, key: string): JsonSchema | undefined {
  const ref = up.project.schema.properties?.[key]?.anyOf?.find((s) => s.$ref)?.$ref;
  return ref ? up.project.schema.definitions[ref.split('/').pop()!] : undefined;
}

/**
 * dbt_project.yml: top-level keys against dbt-core's project schema (dbt's Project dataclass
 * accepts no others), then each resource tree (models:, data_tests:, ...) walked as dbt reads it:
 * "+key" must be a config dbt-core or dbt-trino knows, a plain key holding a mapping is a folder,
 * and a plain key holding a value is a config written without its "+".
 */
export function checkDbtProject(
  file: string,
  doc: unknown,
  locate: Locate,
  up: DbtUpstream,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!isObject(doc)) return [{ file, message: 'dbt_project.yml must be a mapping' }];
  const topLevel = Object.keys(up.project.schema.properties ?? {});
  const reported = new Set<string>();
  const adapterPaths = new Set<string>();
  const push = (path: string[], key: string, message: string) => {
    reported.add(`/${[...path, key].join('/')}`);
    const line = locate(path, key);
    problems.push(line ? { file, line, message } : { file, message });
  };
  for (const [key, value] of Object.entries(doc)) {
    if (!topLevel.includes(key)) {
      push(
        [],
        key,
        `unknown top-level key "${key}" in dbt_project.yml (${up.core} project schema)${nearestHint(key, topLevel)}`,
      );
      continue;
    }
    const definition = HIERARCHICAL_KEYS.has(key) ? configDefinition(up, key) : undefined;
    if (definition && isObject(value))
      walkConfigTree(file, [key], value, definition, up, push, adapterPaths);
  }
  if (!up.project.validate(doc)) {
    // The schema reads an adapter's +config as a folder, so it objects to dbt-trino's; those
    // paths, and paths already reported above, are left out.
    const skip = [...reported, ...adapterPaths];
    const all = up.project.validate.errors ?? [];
    const kept = all.filter(
      (e) =>
        e.keyword !== 'additionalProperties' &&
        !skip.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)),
    );
    // An alternative that failed only because of something left out above is no problem either.
    const below = (e: ErrorObject, list: ErrorObject[]) =>
      list.some((o) => o.instancePath.startsWith(`${e.instancePath}/`));
    const errors = kept.filter(
      (e) => !(['anyOf', 'oneOf', 'type'].includes(e.keyword) && below(e, all) && !below(e, kept)),
    );
    problems.push(
      ...schemaErrorsToProblems(file, withoutExplainedAlternatives(errors), locate, '', doc),
    );
  }
  return problems;
}

function walkConfigTree(
  file: string,
  path: string[],
  node: Record<string, unknown>,
  definition: JsonSchema,
  up: DbtUpstream,
  push: (path: string[], key: string, message: string) => void,
  adapterPaths: Set<string>,
): void {
  const core = Object.keys(definition.properties ?? {});
  const configs = new Set([...core, ...up.trino.configs.map((c) => `+${c}`)]);
  const where = `${formatFieldPath(path)}`;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('+')) {
      if (!core.includes(key) && configs.has(key)) adapterPaths.add(`/${[...path, key].join('/')}`);
      if (!configs.has(key))
        push(
          path,
          key,
          `${where}: unknown config "${key}" (${up.core} project schema, ${up.adapter} configs)${nearestHint(key, configs)}`,
        );
      continue;
    }
    if (configs.has(`+${key}`)) {
      push(
        path,
        key,
        `${where}: config "${key}" needs its "+" prefix in dbt_project.yml ("+${key}"); dbt ${up.core.split(' ')[1]} reads a plain key as a folder name`,
      );
    } else if (isObject(value)) {
      walkConfigTree(file, [...path, key], value, definition, up, push, adapterPaths);
    } else {
      push(
        path,
        key,
        `${where}: "${key}" is neither a known config nor a folder (its value is not a mapping)${nearestHint(`+${key}`, configs)}`,
      );
    }
  }
}

/**
 * Drop the summary of an anyOf/oneOf (and its branches' failures at the same value) when an error
 * further down the value explains it: "models: expected null" only repeats a nested mistake.
 */
function withoutExplainedAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const explained = new Set(
    errors
      .filter(
        (e) =>
          (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
          errors.some((o) => o.instancePath.startsWith(`${e.instancePath}/`)),
      )
      .map((e) => e.instancePath),
  );
  const kept = errors.filter(
    (e) =>
      !(
        explained.has(e.instancePath) &&
        ['anyOf', 'oneOf', 'type', 'pattern', 'enum', 'const'].includes(e.keyword)
      ),
  );
  // dbt's schemas wrap most values as anyOf [definition, null]: when the definition is itself an
  // anyOf, keep the inner one's sentence and drop the outer "expected null".
  const alternative = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';
  const nested = new Set(
    kept
      .filter(
        (e) =>
          alternative(e) &&
          kept.some((o) => o !== e && alternative(o) && o.instancePath === e.instancePath),
      )
      .map((e) => e.instancePath),
  );
  return kept.filter((e) => {
    if (!nested.has(e.instancePath)) return true;
    if (e.keyword === 'type' && (e.params as { type?: string }).type === 'null') return false;
    // The outer wrapper's schema path is the one without "definitions": drop it.
    return !(e.keyword === 'anyOf' && !e.schemaPath.includes('/definitions/'));
  });
}

/** Resource property YAML (models/*.yml): dbt-core's resources schema, unknown keys with the nearest valid one. */
export function checkDbtResources(
  file: string,
  doc: unknown,
  locate: Locate,
  up: DbtUpstream,
): ConfigProblem[] {
  if (up.resources.validate(doc)) return [];
  const errors = up.resources.validate.errors ?? [];
  const problems: ConfigProblem[] = [];
  const rest: ErrorObject[] = [];
  const adapterPaths = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') {
      rest.push(e);
      continue;
    }
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const path = pointerToPath(e.instancePath);
    // dbt-trino's own configs (properties, on_table_exists, ...) are valid under config:.
    if (path[path.length - 1] === 'config' && up.trino.configs.includes(key)) {
      adapterPaths.add(e.instancePath);
      continue;
    }
    const allowed = Object.keys((e.parentSchema as JsonSchema | undefined)?.properties ?? {});
    const at = path.length ? `${formatFieldPath(path)}: ` : '';
    const message = `${at}unknown key "${key}" (${up.core} resources schema)${nearestHint(key, allowed)}`;
    const line = locate(path, key);
    problems.push(line ? { file, line, message } : { file, message });
  }
  // The config's other branches (null, a Jinja string) fail too when an adapter key was the only
  // objection; those summaries say nothing once the adapter key is accepted.
  const meaningful = rest.filter(
    (e) =>
      !(
        adapterPaths.has(e.instancePath) &&
        ['anyOf', 'oneOf', 'type', 'pattern'].includes(e.keyword)
      ),
  );
  problems.push(
    ...schemaErrorsToProblems(file, withoutExplainedAlternatives(meaningful), locate, '', doc),
  );
  return problems;
}

/** Keys every profile output takes whatever the adapter (dbt-core's profile and dbt-adapters' Credentials). */
const OUTPUT_BASE = ['type', 'threads', 'database', 'schema'];

/**
 * profiles.yml: each profile holds `target` and `outputs`; each trino output holds only the
 * fields of its method's credentials class in dbt-trino (which silently drops any other key).
 */
export function checkDbtProfiles(
  file: string,
  doc: unknown,
  locate: Locate,
  up: DbtUpstream,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const push = (path: string[], key: string | undefined, message: string) => {
    const line = locate(path, key);
    problems.push(line ? { file, line, message } : { file, message });
  };
  if (!isObject(doc)) return [{ file, message: 'profiles.yml must be a mapping of profile names' }];
  for (const [profile, body] of Object.entries(doc)) {
    if (!isObject(body)) continue;
    for (const key of Object.keys(body))
      if (!['target', 'outputs'].includes(key))
        push(
          [profile],
          key,
          `${profile}: unknown key "${key}" in a profile${nearestHint(key, ['target', 'outputs'])}`,
        );
    if (!isObject(body['outputs'])) {
      push([profile], undefined, `${profile}: missing "outputs"`);
      continue;
    }
    for (const [name, output] of Object.entries(body['outputs'])) {
      if (!isObject(output) || output['type'] !== 'trino') continue;
      const method = typeof output['method'] === 'string' ? output['method'] : 'none';
      const fields = up.trino.credentials[method];
      const path = [profile, 'outputs', name];
      if (!fields) {
        push(
          path,
          'method',
          `${formatFieldPath(path)}: method "${method}" is not one dbt-trino knows${nearestHint(method, Object.keys(up.trino.credentials))}`,
        );
        continue;
      }
      const allowed = [...OUTPUT_BASE, ...fields, ...Object.keys(up.trino.aliases)];
      for (const key of Object.keys(output))
        if (!allowed.includes(key))
          push(
            path,
            key,
            `${formatFieldPath(path)}: unknown key "${key}" for method ${method} (${up.adapter} credentials; dbt drops it silently)${nearestHint(key, allowed)}`,
          );
    }
  }
  return problems;
}
