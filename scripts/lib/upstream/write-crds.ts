import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RefreshContext, SchemaSource } from '../schema-sources/types.ts';
import {
  convertCrds,
  CRD_OUTPUT_DIR,
  shareRepeatedSubtrees,
  type CrdSourceSpec,
} from './crd-schema.ts';
import { openSnapshot, provenanceOf } from './git-snapshot.ts';

/**
 * A schema source that turns an operator's CRDs at a pinned tag into strict JSON Schemas under
 * src/lib/config/upstream/crds/, one file per served kind and version, each with x-provenance
 * and x-crd (operator, version, CEL rules the schema cannot evaluate).
 */
export function crdSource(meta: Omit<SchemaSource, 'refresh'>, spec: CrdSourceSpec): SchemaSource {
  return {
    ...meta,
    async refresh(context: RefreshContext): Promise<string[]> {
      const snapshot = openSnapshot(context.reposDir, meta.repository, meta.ref);
      const dir = join(context.root, CRD_OUTPUT_DIR);
      mkdirSync(dir, { recursive: true });
      const written: string[] = [];
      const found = new Set<string>();
      for (const path of spec.paths) {
        for (const crd of convertCrds(snapshot.read(path))) {
          if (!spec.kinds.includes(crd.kind)) continue;
          found.add(crd.kind);
          const file = `${CRD_OUTPUT_DIR}/${crd.name}.json`;
          const out = {
            'x-provenance': provenanceOf(snapshot, meta.licence, [path]),
            'x-crd': {
              operator: spec.operator,
              operatorVersion: meta.ref,
              group: crd.group,
              version: crd.version,
              kind: crd.kind,
              deprecated: crd.deprecated,
              celRules: crd.notes.celRules,
              ...(crd.notes.droppedPatterns ? { droppedPatterns: crd.notes.droppedPatterns } : {}),
            },
            ...shareRepeatedSubtrees(crd.schema),
          };
          writeFileSync(join(context.root, file), `${JSON.stringify(out)}\n`);
          written.push(file);
        }
      }
      const missing = spec.kinds.filter((k) => !found.has(k));
      if (missing.length)
        throw new Error(`kinds not found in ${spec.paths.join(', ')}: ${missing.join(', ')}`);
      return written;
    },
  };
}
