import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { MANIFEST_NAME, type ConfigFolder } from './load-manifests.ts';

// A fixed timestamp keeps the archive byte-for-byte reproducible between builds.
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

/**
 * Zip a component's folder (manifest and every listed file) under a top folder named after the
 * component, so it unpacks to `<id>/...` as in the repository.
 */
export function buildConfigZip(folder: ConfigFolder, root = process.cwd()): Uint8Array {
  const paths = [MANIFEST_NAME, ...folder.manifest.files.map((f) => f.path)].sort();
  const tree: Zippable = {};
  for (const path of paths) {
    tree[`${folder.id}/${path}`] = [
      readFileSync(join(root, folder.dir, path)),
      { mtime: FIXED_MTIME },
    ];
  }
  return zipSync(tree, { level: 9 });
}
