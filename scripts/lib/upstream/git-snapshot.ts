// The one reader of upstream repository snapshots: bare git directories in the layout of the
// search tool's `fetch` (<reposDir>/<owner>+<name>/repo, or <reposDir>/<owner>+<name>), read at one
// commit without a work tree.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../schema-sources/types.ts';

/** A bare git snapshot of one repository, pinned to a commit. */
export interface Snapshot {
  /** owner/name. */
  repository: string;
  /** Tag or commit the files are read at. */
  ref: string;
  /** Full commit hash of `ref`. */
  commit: string;
  /** The commit's date, as YYYY-MM-DD. */
  committed: string;
  /** Text of a file at `ref`. */
  read(path: string): string;
  /** Text of many files at `ref`, read in one `git cat-file --batch`. */
  readMany(paths: ReadonlyArray<string>): Map<string, string>;
  /** Paths under the given folders at `ref`, recursively. */
  list(...dirs: string[]): string[];
}

/** How to find a snapshot that is not (only) under the repository's own name, or a release without its tag. */
export interface SnapshotOptions {
  /** Further folder names to try, e.g. a fork's "martint+trino" when "trinodb+trino" is absent. */
  alsoNamed?: ReadonlyArray<string>;
  /**
   * The subject of the release commit, used when the tag is missing: Maven's release plugin tags
   * exactly that commit, so a fork without the tags still holds it under the same hash.
   */
  releaseSubject?: string;
}

/** The git directory of the first snapshot folder present among `names`, or undefined. */
function findGitDir(reposDir: string, names: ReadonlyArray<string>): string | undefined {
  for (const name of names) {
    for (const dir of [join(reposDir, name, 'repo'), join(reposDir, name)]) {
      if (existsSync(join(dir, 'HEAD'))) return dir;
    }
  }
  return undefined;
}

/** Open the snapshot of `repository` under `reposDir` at `ref` (a tag or commit). */
export function openSnapshot(
  reposDir: string,
  repository: string,
  ref: string,
  options: SnapshotOptions = {},
): Snapshot {
  const names = [repository.replace('/', '+'), ...(options.alsoNamed ?? [])];
  const gitDir = findGitDir(reposDir, names);
  if (!gitDir)
    throw new Error(`no snapshot of ${repository} in ${reposDir} (looked for ${names.join(', ')})`);
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], {
      encoding: 'utf8',
      input,
      maxBuffer: 1 << 30,
    });
  const commit = resolveCommit(git, gitDir, ref, options.releaseSubject);
  return {
    repository,
    ref,
    commit,
    committed: git(['show', '-s', '--format=%cs', commit]).trim(),
    read: (path) => git(['show', `${commit}:${path}`]),
    readMany: (paths) => readBatch(gitDir, commit, paths),
    list: (...dirs) =>
      dirs.length
        ? git(['ls-tree', '-r', '--name-only', commit, '--', ...dirs])
            .split('\n')
            .filter(Boolean)
        : [],
  };
}

/** The commit of `ref`, or of the commit whose subject is `releaseSubject` when the ref is not in the snapshot. */
function resolveCommit(
  git: (args: string[]) => string,
  gitDir: string,
  ref: string,
  releaseSubject?: string,
): string {
  try {
    return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    if (!releaseSubject) throw new Error(`${ref} is not in ${gitDir}`);
  }
  const hits = git([
    'log',
    '--all',
    '--format=%H %s',
    '--fixed-strings',
    `--grep=${releaseSubject}`,
  ])
    .split('\n')
    .filter(
      (line) =>
        line.slice(41) === releaseSubject || line.slice(41).startsWith(`${releaseSubject} `),
    );
  const commits = [...new Set(hits.map((line) => line.slice(0, 40)))];
  if (commits.length !== 1)
    throw new Error(
      `expected one commit "${releaseSubject}" in ${gitDir}, found ${commits.length}`,
    );
  return commits[0]!;
}

/** Many files' text at `commit`, from one `git cat-file --batch` (thousands of files in seconds). */
function readBatch(
  gitDir: string,
  commit: string,
  paths: ReadonlyArray<string>,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!paths.length) return out;
  const raw = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${paths.map((p) => `${commit}:${p}`).join('\n')}\n`,
    maxBuffer: 1 << 30,
  });
  let offset = 0;
  for (const path of paths) {
    const eol = raw.indexOf(10, offset);
    const header = raw.subarray(offset, eol).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new Error(`cannot read ${path} at ${commit}: ${header}`);
    out.set(path, raw.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    offset = eol + 1 + size + 1;
  }
  return out;
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
