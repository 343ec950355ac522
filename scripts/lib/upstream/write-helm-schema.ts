import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RefreshContext, SchemaSource } from '../schema-sources/types.ts';
import { openSnapshot, provenanceOf } from './git-snapshot.ts';
import { deriveValuesSchema } from './helm-key-tree.ts';

/** Folder of the generated chart values schemas, relative to the project root. */
export const HELM_OUTPUT_DIR = 'src/lib/config/upstream/helm';

/**
 * One of a chart's `fail` conditions a values file can trip, as a JSON Schema `if`/`then`. The
 * `then` schemas carry the chart's own message as `description`, so the error quotes it.
 */
export interface FailRule {
  /** Template file and line of the `fail`, e.g. "templates/configmap-coordinator.yaml:127". */
  template: string;
  if: Record<string, unknown>;
  then: Record<string, unknown>;
}

/** What a chart source declares: where the chart is and what its templates treat as free-form. */
export interface ChartSpec {
  /** Chart folder in the repository, e.g. "charts/trino". */
  chartDir: string;
  /** Schema name the manifests use, e.g. "trino-values". */
  schemaName: string;
  /** Map paths the templates pass on whole or iterate by the user's own keys, with the template that does. */
  freeForm: Record<string, string>;
  /** The chart's `fail` conditions that depend on values alone. */
  failRules: FailRule[];
  /** Conditions we could not express, for the result's "not checked" list. */
  notChecked: string[];
}

/**
 * A schema source for a Helm chart without its own values.schema.json: the values key tree of its
 * default values.yaml and templates at the pinned tag, closed at every level, plus its `fail`
 * conditions, written to src/lib/config/upstream/helm/<schemaName>.json.
 */
export function helmKeyTreeSource(
  meta: Omit<SchemaSource, 'refresh'>,
  spec: ChartSpec,
): SchemaSource {
  return {
    ...meta,
    async refresh(context: RefreshContext): Promise<string[]> {
      const snapshot = openSnapshot(context.reposDir, meta.repository, meta.ref);
      const chart = parse(snapshot.read(`${spec.chartDir}/Chart.yaml`)) as {
        name: string;
        version: string;
        appVersion?: string;
      };
      const templatePaths = snapshot
        .list(`${spec.chartDir}/templates`)
        .filter((p) => !p.includes('/tests/'));
      const schema = deriveValuesSchema(
        snapshot.read(`${spec.chartDir}/values.yaml`),
        templatePaths.map((p) => snapshot.read(p)),
        { freeForm: spec.freeForm },
      );
      const out = {
        'x-provenance': provenanceOf(snapshot, meta.licence, [
          `${spec.chartDir}/values.yaml`,
          `${spec.chartDir}/templates/`,
        ]),
        'x-chart': {
          name: chart.name,
          version: chart.version,
          appVersion: chart.appVersion ?? null,
          source: 'key tree of values.yaml and templates',
          notChecked: spec.notChecked,
        },
        ...schema,
        ...(spec.failRules.length
          ? {
              allOf: spec.failRules.map((r) => ({
                $comment: `fail in ${spec.chartDir}/${r.template}`,
                if: r.if,
                then: r.then,
              })),
            }
          : {}),
      };
      mkdirSync(join(context.root, HELM_OUTPUT_DIR), { recursive: true });
      const file = `${HELM_OUTPUT_DIR}/${spec.schemaName}.json`;
      writeFileSync(join(context.root, file), `${JSON.stringify(out, null, 1)}\n`);
      return [file];
    },
  };
}

/** `fail` rule for a map that must name a `type` from `allowed` whenever it is set (non-empty). */
export function typedMapRule(
  key: string,
  allowed: string[],
  message: string,
  template: string,
): FailRule {
  return {
    template,
    if: { required: [key], properties: { [key]: { type: 'object', minProperties: 1 } } },
    then: {
      properties: {
        [key]: {
          required: ['type'],
          properties: { type: { enum: allowed, description: message } },
          description: message,
        },
      },
    },
  };
}
