import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../schema-sources/types.ts';

/** A bare git snapshot of one repository (the layout of the search tool's `fetch`). */
export interface Snapshot {
  /** owner/name. */
  repository: string;
  /** Tag or commit the files are read at. */
  ref: string;
  /** Full commit hash of `ref`. */
  commit: string;
  /** Text of a file at `ref`. */
  read(path: string): string;
  /** Paths under `dir` at `ref`, recursively. */
  list(dir: string): string[];
}

/** Open `<reposDir>/<owner>+<name>` (a bare repository, or a folder holding one as `repo/`) at `ref`. */
export function openSnapshot(reposDir: string, repository: string, ref: string): Snapshot {
  const base = join(reposDir, repository.replace('/', '+'));
  const gitDir = existsSync(join(base, 'repo')) ? join(base, 'repo') : base;
  if (!existsSync(gitDir)) throw new Error(`no snapshot of ${repository} in ${reposDir} (expected ${base})`);
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const commit = git('rev-parse', `${ref}^{commit}`).trim();
  return {
    repository,
    ref,
    commit,
    read: (path) => git('show', `${commit}:${path}`),
    list: (dir) => git('ls-tree', '-r', '--name-only', commit, '--', dir).split('\n').filter(Boolean),
  };
}

/** The `x-provenance` object for files derived from `paths` of a snapshot. */
export function provenanceOf(snapshot: Snapshot, licence: string, paths: string[]): Provenance {
  return {
    repository: snapshot.repository,
    ref: snapshot.ref,
    commit: snapshot.commit,
    licence,
    paths,
    retrieved: new Date().toISOString().slice(0, 10),
    generator: 'scripts/refresh-schemas.ts',
  };
}
