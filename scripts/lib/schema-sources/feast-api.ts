// Feast's public Python API at the pinned release: every module of the feast package, the names
// each defines or imports at top level, and the keyword parameters of its functions and class
// constructors (read with Python's ast by scripts/lib/python-api.py). The python validator
// resolves `from feast... import X` and the keyword arguments of calls to X against it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSnapshot, listFiles, readFiles, resolveRelease } from '../snapshot-files.ts';
import type { Provenance, SchemaSource } from './types.ts';

/** Feast release pinned by the feature-store configs (feast==0.66.*). */
const FEAST_RELEASE = 'v0.66.0';
const PACKAGE_DIR = 'sdk/python/';

export const source: SchemaSource = {
  name: 'feast-api',
  repository: 'feast-dev/feast',
  ref: FEAST_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = findSnapshot(reposDir, ['feast-dev+feast']);
    if (!snapshot) throw new Error(`no snapshot of feast-dev/feast under ${reposDir}`);
    const commit = resolveRelease(snapshot.gitDir, FEAST_RELEASE);
    const files = listFiles(snapshot.gitDir, commit, [`${PACKAGE_DIR}feast`]).filter((p) => p.endsWith('.py') && !p.includes('/tests/'));
    const texts = readFiles(snapshot.gitDir, commit, files);
    const modules: Record<string, string> = {};
    for (const [path, text] of texts) modules[path.slice(PACKAGE_DIR.length, -3).replace(/\/__init__$/, '').replaceAll('/', '.')] = text;
    const api = JSON.parse(
      execFileSync('python3', [join(root, 'scripts/lib/python-api.py')], { input: JSON.stringify(modules), encoding: 'utf8', maxBuffer: 1 << 28 }),
    ) as Record<string, unknown>;
    const provenance: Provenance = {
      repository: this.repository,
      ref: FEAST_RELEASE,
      commit,
      licence: this.licence,
      paths: [`${PACKAGE_DIR}feast`],
      retrieved: new Date().toISOString().slice(0, 10),
      generator: 'scripts/refresh-schemas.ts',
    };
    const out = 'src/lib/config/upstream/feast-api.json';
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    const body = {
      'x-provenance': provenance,
      description: `Modules of the feast package at ${FEAST_RELEASE}: top-level names, and keyword parameters of functions and class constructors.`,
      package: 'feast',
      modules: api,
    };
    writeFileSync(join(root, out), `${JSON.stringify(body)}\n`);
    return [out];
  },
};
