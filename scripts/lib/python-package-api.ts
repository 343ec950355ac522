// One Python distribution's public API at a pinned release, read from a bare git snapshot with
// python3's ast module (scripts/lib/python-api.py) and written to
// src/lib/config/upstream/python/<distribution>.json. The python validator resolves imports under
// the distribution's import root, and the keyword arguments of calls to what they import, against
// it. Each scripts/lib/schema-sources/python-*.ts module describes one distribution with this.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSnapshot, provenanceOf, type Snapshot } from './upstream/git-snapshot.ts';
import type { SchemaSource } from './schema-sources/types.ts';

/** Where the output files go, relative to the project root. */
export const PYTHON_API_DIR = 'src/lib/config/upstream/python';

/** A folder of the repository that holds (part of) the import package. */
export interface PackageTree {
  /** Folder of the import package in the repository, e.g. "sdk/python/feast". */
  dir: string;
  /** Leading part of `dir` that is not in module names, e.g. "sdk/python/". */
  strip: string;
}

/** One Python distribution pinned to a release of its repository. */
export interface PythonPackage {
  /** Distribution name on PyPI; also the output file name, e.g. "dlt". */
  distribution: string;
  /** Top-level import name, e.g. "dlt" or "airflow". */
  root: string;
  /** GitHub repository, owner/name. */
  repository: string;
  /** The pinned release tag. */
  ref: string;
  /** SPDX licence of the source read. */
  licence: string;
  /** Folders that hold the package's modules. */
  trees: PackageTree[];
}

/** Module name of a source file, e.g. "sdk/python/feast/types.py" with strip "sdk/python/" -> "feast.types". */
export function toModuleName(path: string, strip: string): { module: string; isPackage: boolean } {
  const rel = path.slice(strip.length, -3);
  const isPackage = rel.endsWith('/__init__') || rel === '__init__';
  return { module: rel.replace(/\/?__init__$/, '').replaceAll('/', '.'), isPackage };
}

/** Whether a file is part of the installed package (tests and vendored examples are not). */
export function isPackageSource(path: string): boolean {
  return path.endsWith('.py') && !/\/(tests?|testing_utils)\//.test(path);
}

/** Read the API of a set of module sources: {module: {source, package}} -> per-module names and signatures. */
export function readPythonApi(
  root: string,
  modules: Record<string, { source: string; package: boolean }>,
): Record<string, unknown> {
  return JSON.parse(
    execFileSync('python3', [join(root, 'scripts/lib/python-api.py')], {
      input: JSON.stringify({ modules }),
      encoding: 'utf8',
      maxBuffer: 1 << 29,
    }),
  ) as Record<string, unknown>;
}

/** Derive `pkg`'s API file from its snapshot (opened at `pkg.ref`), write it, and return its path. */
export function writePackageApi(root: string, snapshot: Snapshot, pkg: PythonPackage): string {
  const modules: Record<string, { source: string; package: boolean }> = {};
  for (const tree of pkg.trees) {
    const files = snapshot.list(tree.dir).filter(isPackageSource);
    if (!files.length)
      throw new Error(`${pkg.repository}@${pkg.ref} has no Python files under ${tree.dir}`);
    for (const [path, text] of snapshot.readMany(files)) {
      const { module, isPackage } = toModuleName(path, tree.strip);
      modules[module] = { source: text, package: isPackage };
    }
  }
  const provenance = provenanceOf(
    snapshot,
    pkg.licence,
    pkg.trees.map((t) => t.dir),
  );
  const body = {
    'x-provenance': provenance,
    description: `Modules of ${pkg.distribution} ${pkg.ref} (import name ${pkg.root}): the names each binds at run time, and the keyword parameters of the functions and classes it defines or re-exports.`,
    package: pkg.distribution,
    root: pkg.root,
    modules: readPythonApi(root, modules),
  };
  const out = `${PYTHON_API_DIR}/${pkg.distribution}.json`;
  mkdirSync(join(root, PYTHON_API_DIR), { recursive: true });
  writeFileSync(join(root, out), `${JSON.stringify(body)}\n`);
  return out;
}

/** A schema source that derives `pkg`'s API from the snapshot of its repository. */
export function pythonPackageSource(pkg: PythonPackage): SchemaSource {
  return {
    name: `python-${pkg.distribution}`,
    repository: pkg.repository,
    ref: pkg.ref,
    licence: pkg.licence,
    async refresh({ reposDir, root }) {
      return [writePackageApi(root, openSnapshot(reposDir, pkg.repository, pkg.ref), pkg)];
    },
  };
}
