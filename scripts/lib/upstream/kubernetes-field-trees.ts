import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Folder of the generated field trees of built-in kinds, relative to the project root. */
export const FIELD_TREE_DIR = 'src/lib/config/upstream/kubernetes';

/** API group folders of kubernetes-models to derive, with their apiVersion. */
const GROUPS: Record<string, string> = {
  v1: 'v1',
  'apps/v1': 'apps/v1',
  'batch/v1': 'batch/v1',
  'autoscaling/v1': 'autoscaling/v1',
  'autoscaling/v2': 'autoscaling/v2',
  'networking.k8s.io/v1': 'networking.k8s.io/v1',
  'policy/v1': 'policy/v1',
  'rbac.authorization.k8s.io/v1': 'rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1': 'storage.k8s.io/v1',
  'scheduling.k8s.io/v1': 'scheduling.k8s.io/v1',
  'coordination.k8s.io/v1': 'coordination.k8s.io/v1',
  'discovery.k8s.io/v1': 'discovery.k8s.io/v1',
  'node.k8s.io/v1': 'node.k8s.io/v1',
};

type Schema = Record<string, unknown>;

/**
 * Field trees (JSON Schemas of property names only: objects closed, maps open, arrays by item)
 * for every resource kind in GROUPS, from the package's .d.ts files via the TypeScript checker.
 * Shared types become $defs named after their interface.
 */
export function deriveFieldTrees(pkgDir: string): Record<string, Schema> {
  const files: Array<{ apiVersion: string; kind: string; file: string }> = [];
  for (const [dir, apiVersion] of Object.entries(GROUPS)) {
    for (const f of readdirSync(join(pkgDir, dir))) {
      if (!f.endsWith('.d.ts') || f === 'index.d.ts' || f.endsWith('List.d.ts')) continue;
      files.push({ apiVersion, kind: f.slice(0, -'.d.ts'.length), file: join(pkgDir, dir, f) });
    }
  }
  const program = ts.createProgram(
    files.map((f) => f.file),
    {
      noEmit: true,
      skipLibCheck: true,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      module: ts.ModuleKind.ESNext,
    },
  );
  const checker = program.getTypeChecker();
  const out: Record<string, Schema> = {};
  for (const { apiVersion, kind, file } of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const symbol = checker.getSymbolAtLocation(source);
    const iface = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === `I${kind}`);
    // Only top-level resources (an interface with a literal kind) are kinds; the rest are parts.
    if (!iface) continue;
    const type = checker.getDeclaredTypeOfSymbol(iface);
    const kindProp = type.getProperty('kind');
    if (!kindProp || !checker.getTypeOfSymbol(kindProp).isStringLiteral()) continue;
    const defs: Record<string, Schema> = {};
    const walk = (t: ts.Type, depth: number): Schema => {
      if (depth > 40) return {};
      const nonNull = checker.getNonNullableType(t);
      if (nonNull.isUnion()) return {};
      if (checker.isArrayType(nonNull))
        return {
          type: 'array',
          items: walk(checker.getTypeArguments(nonNull as ts.TypeReference)[0]!, depth + 1),
        };
      if (!(nonNull.flags & ts.TypeFlags.Object)) return {};
      const index = nonNull.getStringIndexType();
      if (index) return { additionalProperties: walk(index, depth + 1) };
      const props = nonNull.getProperties();
      if (!props.length) return {};
      const name = nonNull.aliasSymbol?.name ?? nonNull.getSymbol()?.name ?? '';
      const named = name && name !== '__type' ? name.replace(/^I(?=[A-Z])/, '') : '';
      if (named && defs[named]) return { $ref: `#/$defs/${named}` };
      const schema: Schema = {};
      if (named) defs[named] = schema;
      const properties: Record<string, Schema> = {};
      for (const p of props) properties[p.name] = walk(checker.getTypeOfSymbol(p), depth + 1);
      Object.assign(schema, { type: 'object', properties, additionalProperties: false });
      return named ? { $ref: `#/$defs/${named}` } : schema;
    };
    const root = walk(type, 0);
    const ref = root['$ref'];
    out[`${apiVersion} ${kind}`] = {
      ...(typeof ref === 'string' && ref ? defs[ref.slice('#/$defs/'.length)] : root),
      $defs: defs,
    };
  }
  return out;
}

/** Write one field tree per kind with x-provenance; returns the paths written. */
export function writeJsonWithProvenance(
  root: string,
  pkgDir: string,
  meta: { repository: string; ref: string; licence: string; commit: string },
): string[] {
  const trees = deriveFieldTrees(pkgDir);
  mkdirSync(join(root, FIELD_TREE_DIR), { recursive: true });
  const written: string[] = [];
  for (const [key, schema] of Object.entries(trees)) {
    const [apiVersion, kind] = key.split(' ') as [string, string];
    const file = `${FIELD_TREE_DIR}/${apiVersion.replace('/', '_')}_${kind}.json`;
    const provenance = {
      repository: meta.repository,
      ref: meta.ref,
      commit: meta.commit,
      licence: meta.licence,
      paths: [`${apiVersion === 'v1' ? 'v1' : apiVersion}/${kind}.d.ts`],
      retrieved: new Date().toISOString().slice(0, 10),
      generator: 'scripts/refresh-schemas.ts',
    };
    writeFileSync(
      join(root, file),
      `${JSON.stringify({ 'x-provenance': provenance, 'x-kind': { apiVersion, kind }, ...schema })}\n`,
    );
    written.push(file);
  }
  return written;
}
