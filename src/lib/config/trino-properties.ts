import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nearestHint } from './nearest-name.ts';
import type { ConfigProblem } from './result.ts';

/** Names of one kind of properties file, as scripts/lib/schema-sources/trino-properties.ts writes them. */
interface KindNames {
  modules: string[];
  nameProperty?: string;
  config: string[];
  legacy: Record<string, string>;
  defunct: string[];
  httpClients: string[];
}

interface TrinoFile {
  'x-provenance': { ref: string; commit: string };
  airliftVersion: string;
  airliftModules: string[];
  kinds: Record<string, KindNames>;
}

interface AirliftFile {
  'x-provenance': { ref: string };
  modules: Record<string, Omit<KindNames, 'modules' | 'nameProperty' | 'httpClients'>>;
}

/**
 * Which kind of Trino properties file each manifest schema names, and the plugin its name
 * property must select (connector.name=iceberg, exchange-manager.name=filesystem, ...).
 */
export const TRINO_SCHEMA_KINDS: Record<string, { kind: string; label: string; plugin?: string }> =
  {
    'trino-config': { kind: 'server', label: 'config.properties' },
    'trino-iceberg-catalog': { kind: 'iceberg', label: 'Iceberg catalog', plugin: 'iceberg' },
    'trino-hive-catalog': { kind: 'hive', label: 'Hive catalog', plugin: 'hive' },
    'trino-exchange-manager': {
      kind: 'exchange-filesystem',
      label: 'filesystem exchange manager',
      plugin: 'filesystem',
    },
    'trino-spooling-manager': {
      kind: 'spooling-filesystem',
      label: 'filesystem spooling manager',
      plugin: 'filesystem',
    },
    'trino-event-listener': {
      kind: 'openlineage',
      label: 'OpenLineage event listener',
      plugin: 'openlineage',
    },
    'trino-access-control': {
      kind: 'file-access-control',
      label: 'file-based system access control',
      plugin: 'file',
    },
  };

/** Every name a kind of file accepts, the legacy and defunct ones, and where they came from. */
export interface TrinoNames {
  /** Current names: @Config of the modules, airlift's for config.properties, prefixed HTTP client names, the name property. */
  known: Set<string>;
  /** Old name -> current name (@LegacyConfig): Trino still starts, with a deprecation warning. */
  legacy: Map<string, string>;
  /** @DefunctConfig names: Trino refuses to start. */
  defunct: Set<string>;
  /** The property naming the plugin, when the kind has one. */
  nameProperty?: string;
  /** "Trino 483 (commit …; modules …) and airlift 439 (…)" for check descriptions. */
  source: string;
  /** "Trino 483" for messages. */
  release: string;
}

/** Load the generated name lists for `kind` (a key of the generated file's `kinds`). */
export function loadTrinoNames(root: string, kind: string): TrinoNames {
  const dir = join(root, 'src/lib/config/upstream');
  const trino = JSON.parse(readFileSync(join(dir, 'trino-properties.json'), 'utf8')) as TrinoFile;
  const airlift = JSON.parse(
    readFileSync(join(dir, 'airlift-properties.json'), 'utf8'),
  ) as AirliftFile;
  const names = trino.kinds[kind];
  if (!names)
    throw new Error(
      `no Trino property kind "${kind}" in src/lib/config/upstream/trino-properties.json`,
    );
  const known = new Set(names.config);
  const legacy = new Map(Object.entries(names.legacy));
  const defunct = new Set(names.defunct);
  const client = airlift.modules['http-client'];
  // Settings of a named HTTP client take the prefix "<name>." before airlift's "http-client.*".
  for (const prefix of names.httpClients) {
    for (const n of client?.config ?? []) known.add(`${prefix}.${n}`);
    for (const [old, current] of Object.entries(client?.legacy ?? {}))
      legacy.set(`${prefix}.${old}`, `${prefix}.${current}`);
    for (const n of client?.defunct ?? []) defunct.add(`${prefix}.${n}`);
  }
  let source = `Trino ${trino['x-provenance'].ref} (commit ${trino['x-provenance'].commit.slice(0, 12)}; ${names.modules.join(', ')})`;
  if (kind === 'server') {
    // The server also binds the airlift modules it ships with (http-server.*, node.*, log.*, ...);
    // bare http-client.* names are not among them, only the prefixed ones above.
    const modules = trino.airliftModules.filter((m) => m !== 'http-client' && airlift.modules[m]);
    for (const m of modules) {
      const a = airlift.modules[m]!;
      a.config.forEach((n) => known.add(n));
      Object.entries(a.legacy).forEach(([old, current]) => legacy.set(old, current));
      a.defunct.forEach((n) => defunct.add(n));
    }
    source += ` and airlift ${airlift['x-provenance'].ref} (${modules.join(', ')})`;
  }
  if (names.nameProperty) known.add(names.nameProperty);
  return {
    known,
    legacy,
    defunct,
    ...(names.nameProperty ? { nameProperty: names.nameProperty } : {}),
    source,
    release: `Trino ${trino['x-provenance'].ref}`,
  };
}

/**
 * Problems with the property names of one file: each name must be one the pinned Trino binds.
 * Trino refuses to start on a name no module uses and on a defunct one; a legacy name still
 * works but is reported with its replacement so the reference configs stay current.
 */
export function checkTrinoPropertyNames(
  file: string,
  entries: ReadonlyArray<{ key: string; value: string; line: number }>,
  names: TrinoNames,
  label: string,
  plugin?: string,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const valid = [...names.known];
  for (const { key, value, line } of entries) {
    if (!key || names.known.has(key)) {
      if (plugin && key === names.nameProperty && value.trim() !== plugin)
        problems.push({
          file,
          line,
          message: `"${key}" is "${value.trim()}"; this file is checked as the ${label}, so expected "${plugin}"`,
        });
      continue;
    }
    const replacement = names.legacy.get(key);
    if (replacement) {
      problems.push({
        file,
        line,
        message: `"${key}" is a legacy name in ${names.release}; use "${replacement}"`,
      });
    } else if (names.defunct.has(key)) {
      problems.push({
        file,
        line,
        message: `"${key}" is defunct in ${names.release}: Trino refuses to start with it set${nearestHint(key, valid)}`,
      });
    } else {
      problems.push({
        file,
        line,
        message: `unknown property "${key}" for the ${label} in ${names.release}${nearestHint(key, valid)}`,
      });
    }
  }
  if (plugin && names.nameProperty && !entries.some((e) => e.key === names.nameProperty))
    problems.push({
      file,
      message: `missing "${names.nameProperty}=${plugin}", which selects the plugin this file configures`,
    });
  return problems;
}
