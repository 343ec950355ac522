import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionKeysFromHtml } from '../upstream/flink-operator-option-keys.ts';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import type { RefreshContext, SchemaSource } from './types.ts';

const DIR = 'docs/layouts/shortcodes/generated';

/** Output, relative to the project root. */
export const FLINK_OPERATOR_OPTIONS_FILE = 'src/lib/config/upstream/flink-operator-options.json';

/**
 * The operator and autoscaler option keys (kubernetes.operator.*, job.autoscaler.*) of the Flink
 * Kubernetes Operator release the configs pin, which a FlinkDeployment may set in
 * flinkConfiguration. The CRD leaves that map open; this list closes it for the operator's keys.
 */
export const source: SchemaSource = {
  name: 'flink-operator-options',
  repository: 'apache/flink-kubernetes-operator',
  ref: 'release-1.15.0',
  licence: 'Apache-2.0',
  async refresh(context: RefreshContext): Promise<string[]> {
    const snapshot = openSnapshot(context.reposDir, source.repository, source.ref);
    const paths = snapshot.list(DIR).filter((p) => p.endsWith('.html'));
    const keys = [...new Set(paths.flatMap((p) => optionKeysFromHtml(snapshot.read(p))))].sort();
    if (!keys.includes('job.autoscaler.enabled'))
      throw new Error(`no job.autoscaler.enabled in ${DIR}: the generated tables moved`);
    mkdirSync(join(context.root, 'src/lib/config/upstream'), { recursive: true });
    writeFileSync(
      join(context.root, FLINK_OPERATOR_OPTIONS_FILE),
      `${JSON.stringify({ 'x-provenance': provenanceOf(snapshot, source.licence, paths), keys }, null, 1)}\n`,
    );
    return [FLINK_OPERATOR_OPTIONS_FILE];
  },
};
