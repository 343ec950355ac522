import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonWithProvenance } from '../upstream/kubernetes-field-trees.ts';

// The field names of built-in kinds, read from the type declarations of the installed
// kubernetes-models package (generated from the Kubernetes OpenAPI spec). Its validators check
// types and required fields but leave objects open; these trees close them, as the API server's
// strict field validation does. Reads node_modules, not a git snapshot.

export const source = {
  name: 'kubernetes-models-fields',
  repository: 'tommy351/kubernetes-models-ts',
  ref: 'kubernetes-models@5.1.0',
  licence: 'MIT',
  async refresh(context: { root: string }): Promise<string[]> {
    const pkgDir = join(context.root, 'node_modules', 'kubernetes-models');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    if (`kubernetes-models@${pkg.version}` !== source.ref)
      throw new Error(`installed kubernetes-models is ${pkg.version}, pinned ${source.ref}`);
    const lock = JSON.parse(readFileSync(join(context.root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { integrity?: string }>;
    };
    const integrity = lock.packages['node_modules/kubernetes-models']?.integrity ?? 'unknown';
    return writeJsonWithProvenance(context.root, pkgDir, { ...source, commit: `npm ${integrity}` });
  },
};
