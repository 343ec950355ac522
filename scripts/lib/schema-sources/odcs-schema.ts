// The Open Data Contract Standard's own JSON Schema at the release the batch-sources contract
// declares (apiVersion v3.1.0). Since v3.1.0 upstream closes every section it defines, so a
// misspelt key fails here as it fails `datacontract lint`; the hand-written core schema this
// replaces accepted any key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import type { SchemaSource } from './types.ts';

/** ODCS release pinned by content/configs/batch-sources (its apiVersion). */
const ODCS_RELEASE = 'v3.1.0';

const SCHEMA_PATH = `schema/odcs-json-schema-${ODCS_RELEASE}.json`;
const OUT = `src/lib/config/upstream/json-schema/odcs-${ODCS_RELEASE}.json`;
const DRAFT_2019_09 = 'https://json-schema.org/draft/2019-09/schema';
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Paths of keywords whose meaning differs between drafts 2019-09 and 2020-12 ($recursiveRef,
 * $recursiveAnchor, array-form items, additionalItems); empty when the schema reads the same in both.
 */
export function draftSensitiveKeywords(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => draftSensitiveKeywords(v, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const here = `${path}/${key}`;
    if (['$recursiveRef', '$recursiveAnchor', 'additionalItems'].includes(key)) found.push(here);
    if (key === 'items' && Array.isArray(value)) found.push(here);
    // Property and $defs names are walked like keywords: a property called "items" holds a
    // schema object, never an array, so it cannot be mistaken for array-form items.
    found.push(...draftSensitiveKeywords(value, here));
  }
  return found;
}

export const source: SchemaSource = {
  name: 'odcs-schema',
  repository: 'bitol-io/open-data-contract-standard',
  ref: ODCS_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = openSnapshot(reposDir, this.repository, ODCS_RELEASE);
    const schema = JSON.parse(snapshot.read(SCHEMA_PATH)) as Record<string, unknown>;
    // The registry compiles with ajv's 2020-12 dialect. Upstream declares 2019-09; relabelling is
    // safe only while the schema uses no keyword the two drafts read differently.
    if (schema['$schema'] !== DRAFT_2019_09)
      throw new Error(
        `${SCHEMA_PATH}: expected $schema ${DRAFT_2019_09}, found ${String(schema['$schema'])}`,
      );
    const sensitive = draftSensitiveKeywords(schema);
    if (sensitive.length)
      throw new Error(
        `${SCHEMA_PATH}: keywords read differently by draft 2020-12: ${sensitive.join(', ')}`,
      );
    const body = {
      $schema: DRAFT_2020_12,
      'x-provenance': {
        ...provenanceOf(snapshot, this.licence, [SCHEMA_PATH]),
        committed: snapshot.committed,
        note: `$schema relabelled from ${DRAFT_2019_09}; the schema uses no keyword the two drafts read differently`,
      },
      ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    };
    mkdirSync(join(root, 'src/lib/config/upstream/json-schema'), { recursive: true });
    writeFileSync(join(root, OUT), `${JSON.stringify(body, null, 2)}\n`);
    return [OUT];
  },
};
