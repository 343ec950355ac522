import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RefreshContext, SchemaSource } from '../schema-sources/types.ts';
import { openSnapshot, provenanceOf } from './git-snapshot.ts';
import { HELM_OUTPUT_DIR } from './write-helm-schema.ts';

/** A chart that ships its own values schema. */
export interface OwnSchemaSpec {
  /** Path of the schema in the repository (JSON, or YAML as zero-to-jupyterhub keeps it). */
  schemaPath: string;
  /** Chart name and version at the pinned ref (read from the release, not Chart.yaml, where a tool stamps it). */
  chart: string;
  version: string;
  /** Path of the chart's default values.yaml: Helm validates the schema against defaults merged with the user's values. */
  valuesPath: string;
  /** Schema name the manifests use. */
  schemaName: string;
  /** What the chart's schema leaves open or we cannot check, for the result's "not checked" list. */
  notChecked: string[];
}

/** Drop descriptions (not validation) as the chart's own packaging does, keeping values named "description". */
function dropDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropDescriptions);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'description' || k === '$schema') continue;
    out[k] =
      k === 'properties' && v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, dropDescriptions(s)]))
        : dropDescriptions(v);
  }
  return out;
}

/** A schema source that copies a chart's own values schema at a pinned ref, with provenance. */
export function chartOwnSchemaSource(
  meta: Omit<SchemaSource, 'refresh'>,
  spec: OwnSchemaSpec,
): SchemaSource {
  return {
    ...meta,
    async refresh(context: RefreshContext): Promise<string[]> {
      const snapshot = openSnapshot(context.reposDir, meta.repository, meta.ref);
      const schema = dropDescriptions(parse(snapshot.read(spec.schemaPath))) as Record<
        string,
        unknown
      >;
      const out = {
        'x-provenance': provenanceOf(snapshot, meta.licence, [spec.schemaPath, spec.valuesPath]),
        'x-chart': {
          name: spec.chart,
          version: spec.version,
          source:
            "the chart's own values schema, applied to its default values merged with the file as Helm does",
          notChecked: spec.notChecked,
          defaults: parse(snapshot.read(spec.valuesPath)) as unknown,
        },
        ...schema,
      };
      mkdirSync(join(context.root, HELM_OUTPUT_DIR), { recursive: true });
      const file = `${HELM_OUTPUT_DIR}/${spec.schemaName}.json`;
      writeFileSync(join(context.root, file), `${JSON.stringify(out, null, 1)}\n`);
      return [file];
    },
  };
}
