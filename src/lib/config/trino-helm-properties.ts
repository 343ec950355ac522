import { parseProperties } from './parse-properties.ts';
import type { ConfigProblem } from './result.ts';
import { checkTrinoPropertyNames, loadTrinoNames, type TrinoNames } from './trino-properties.ts';

/** Where a block of Trino properties sits in a values file, and which kind of file it becomes. */
interface PropertyBlock {
  /** Path to the value in the values map, for the line lookup. */
  path: Array<string | number>;
  /** Properties text as the chart copies it into the rendered file. */
  text: string;
  /** Line of the block's first property line, minus one (the key line of a block scalar). */
  offset: number;
  /** Kind of Trino properties file (key of trino-properties.json `kinds`). */
  kind: string;
  label: string;
  plugin?: string;
}

/** Kinds of catalog the generated name lists cover, by the catalog's connector.name. */
const CATALOG_KINDS: Record<string, { kind: string; label: string }> = {
  iceberg: { kind: 'iceberg', label: 'Iceberg catalog' },
  hive: { kind: 'hive', label: 'Hive catalog' },
};

/** Result of checking the Trino properties embedded in a trinodb/charts values file. */
export interface TrinoHelmPropertiesResult {
  problems: ConfigProblem[];
  /** Blocks checked, for the page ("server.coordinatorExtraConfig", "catalogs.lake", ...). */
  checked: string[];
  /** Blocks left unchecked and why ("catalogs.druid: no name list for connector druid"). */
  notChecked: string[];
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The property blocks of a trinodb/charts values map that render into Trino properties files. */
function findBlocks(
  values: Record<string, unknown>,
  lineOf: (path: Array<string | number>) => number | undefined,
): {
  blocks: PropertyBlock[];
  notChecked: string[];
} {
  const blocks: PropertyBlock[] = [];
  const notChecked: string[] = [];
  const server = asRecord(values['server']);
  for (const key of ['coordinatorExtraConfig', 'workerExtraConfig']) {
    const text = server?.[key];
    if (typeof text === 'string')
      blocks.push({
        path: ['server', key],
        text,
        offset: lineOf(['server', key]) ?? 0,
        kind: 'server',
        label: 'config.properties',
      });
  }
  const extra = values['additionalConfigProperties'];
  if (Array.isArray(extra))
    extra.forEach((line, i) => {
      // Each list item is one line of config.properties; the item's own line is its position.
      if (typeof line === 'string')
        blocks.push({
          path: ['additionalConfigProperties', i],
          text: line,
          offset: (lineOf(['additionalConfigProperties', i]) ?? 1) - 1,
          kind: 'server',
          label: 'config.properties',
        });
    });
  for (const [name, text] of Object.entries(asRecord(values['catalogs']) ?? {})) {
    if (typeof text !== 'string') continue;
    const connector =
      parseProperties(text)
        .find((e) => e.key === 'connector.name')
        ?.value.trim() ?? '';
    const kind = CATALOG_KINDS[connector];
    if (!kind) {
      notChecked.push(
        `catalogs.${name}: property names of connector "${connector || 'none'}" not checked (no name list derived for it)`,
      );
      continue;
    }
    blocks.push({
      path: ['catalogs', name],
      text,
      offset: lineOf(['catalogs', name]) ?? 0,
      kind: kind.kind,
      label: kind.label,
      plugin: connector,
    });
  }
  return { blocks, notChecked };
}

/**
 * Check the Trino property names a trinodb/charts values file embeds (server extra config,
 * additionalConfigProperties, catalogs) against the names of the pinned Trino, as the
 * properties validator does for stand-alone files: the chart copies these blocks verbatim, and
 * Trino refuses to start on a name no module binds.
 */
export function checkTrinoHelmProperties(
  file: string,
  values: Record<string, unknown>,
  lineOf: (path: Array<string | number>) => number | undefined,
  loadNames: (kind: string) => TrinoNames,
): TrinoHelmPropertiesResult {
  const { blocks, notChecked } = findBlocks(values, lineOf);
  const problems: ConfigProblem[] = [];
  const checked: string[] = [];
  const names = new Map<string, TrinoNames>();
  for (const block of blocks) {
    const kindNames = names.get(block.kind) ?? loadNames(block.kind);
    names.set(block.kind, kindNames);
    const entries = parseProperties(block.text).map((e) => ({ ...e, line: e.line + block.offset }));
    const where = block.path.join('.');
    checked.push(where);
    for (const p of checkTrinoPropertyNames(file, entries, kindNames, block.label, block.plugin))
      problems.push({ ...p, message: `${where}: ${p.message}` });
  }
  return { problems, checked, notChecked };
}

/** Load the generated name lists of one kind from the project root (see trino-properties.ts). */
export const namesFromRoot =
  (root: string) =>
  (kind: string): TrinoNames =>
    loadTrinoNames(root, kind);
