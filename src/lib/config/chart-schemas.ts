import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELM_SCHEMA_DIR } from './json-schema.ts';

/** Where a chart values schema came from, as recorded in its x-chart and x-provenance. */
export interface ChartSchemaInfo {
  /** Chart name, e.g. "trino". */
  chart: string;
  /** Chart version the schema was derived from, e.g. "1.42.2". */
  version: string;
  /** Repository and tag, e.g. "trinodb/charts@trino-1.42.2". */
  source: string;
  /** How the schema was obtained, e.g. "the chart's values.schema.json". */
  kind: string;
  /** Repository-relative path of the schema file. */
  file: string;
  /** Conditions of the chart the schema cannot express. */
  notChecked: string[];
  /** The chart's default values, when its schema applies to defaults merged with the file (as Helm does). */
  defaults?: unknown;
}

/** Merge values over chart defaults as Helm does: maps deep, lists and scalars replaced, null removes a default. */
export function mergeValues(defaults: unknown, values: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(defaults) || !isMap(values)) return values === undefined ? defaults : values;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete out[k];
    else out[k] = mergeValues(defaults[k], v);
  }
  return out;
}

const cache = new Map<string, ChartSchemaInfo | undefined>();

/** Provenance of a derived chart values schema, or undefined when `name` is hand-written or unknown. */
export function readChartSchemaInfo(root: string, name: string): ChartSchemaInfo | undefined {
  const key = `${root}\0${name}`;
  if (cache.has(key)) return cache.get(key);
  const file = `${HELM_SCHEMA_DIR}/${name}.json`;
  let info: ChartSchemaInfo | undefined;
  if (existsSync(join(root, file))) {
    const raw = JSON.parse(readFileSync(join(root, file), 'utf8')) as {
      'x-chart': {
        name: string;
        version: string;
        source: string;
        notChecked?: string[];
        defaults?: unknown;
      };
      'x-provenance': { repository: string; ref: string };
    };
    const chart = raw['x-chart'];
    info = {
      chart: chart.name,
      version: chart.version,
      source: `${raw['x-provenance'].repository}@${raw['x-provenance'].ref}`,
      kind: chart.source,
      file,
      notChecked: chart.notChecked ?? [],
      defaults: chart.defaults,
    };
  }
  cache.set(key, info);
  return info;
}
