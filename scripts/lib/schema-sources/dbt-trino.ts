// dbt-trino's own names at the pinned release: the model configs it adds (TrinoConfig, and the
// config keys its materialisation macros read), and the profile fields of each authentication
// method (the credentials dataclasses in connections.py, plus their read-only properties).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import type { SchemaSource } from './types.ts';

const DBT_TRINO_RELEASE = 'v1.10.2';
const CONNECTIONS = 'dbt/adapters/trino/connections.py';
const IMPL = 'dbt/adapters/trino/impl.py';

/** Field and property names of each @dataclass class in a Python module. */
export function readDataclassFields(source: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const classes = source.split(/\n(?=(?:@dataclass\n)?class )/);
  for (const chunk of classes) {
    const name = /class (\w+)/.exec(chunk)?.[1];
    if (!name) continue;
    const fields = [...chunk.matchAll(/^ {4}([a-z_][a-z0-9_]*)\s*:/gm)].map((m) => m[1]!);
    const properties = [...chunk.matchAll(/^ {4}@property\n {4}def ([a-z_][a-z0-9_]*)/gm)].map(
      (m) => m[1]!,
    );
    out[name] = [...new Set([...fields, ...properties])];
  }
  return out;
}

export const source: SchemaSource = {
  name: 'dbt-trino',
  repository: 'starburstdata/dbt-trino',
  ref: DBT_TRINO_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = openSnapshot(reposDir, this.repository, DBT_TRINO_RELEASE);
    const connections = snapshot.read(CONNECTIONS);
    const classes = readDataclassFields(connections);
    // The factory maps `method:` to a credentials class; no method means TrinoNoneCredentials.
    const methods: Record<string, string[]> = { none: classes['TrinoNoneCredentials'] ?? [] };
    for (const m of connections.matchAll(/method == "(\w+)":\s*\n\s*return (\w+)/g))
      methods[m[1]!] = classes[m[2]!] ?? [];
    if (Object.values(methods).some((f) => !f.length))
      throw new Error('a credentials class has no fields');
    const aliases = Object.fromEntries(
      [
        ...(/_ALIASES = \{([^}]*)\}/.exec(connections)?.[1] ?? '').matchAll(/"(\w+)": "(\w+)"/g),
      ].map((m) => [m[1]!, m[2]!]),
    );
    const config = readDataclassFields(snapshot.read(IMPL))['TrinoConfig'] ?? [];
    const macros = snapshot.list('dbt/include/trino/macros').filter((p) => p.endsWith('.sql'));
    const macroKeys = new Set<string>();
    for (const text of snapshot.readMany(macros).values())
      for (const m of text.matchAll(/config\.get\(\s*['"]([a-z][a-z0-9_]*)['"]/g))
        macroKeys.add(m[1]!);
    const provenance = provenanceOf(snapshot, this.licence, [
      CONNECTIONS,
      IMPL,
      'dbt/include/trino/macros',
    ]);
    const out = 'src/lib/config/upstream/dbt-trino.json';
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    const body = {
      'x-provenance': provenance,
      description: `dbt-trino ${DBT_TRINO_RELEASE}: model configs it adds (TrinoConfig fields and keys its macros read with config.get) and profile fields per authentication method.`,
      configs: [...new Set([...config, ...macroKeys])].sort(),
      credentials: methods,
      aliases,
    };
    writeFileSync(join(root, out), `${JSON.stringify(body, null, 2)}\n`);
    return [out];
  },
};
