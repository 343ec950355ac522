// Reads files from a bare git snapshot (the search tool's `fetch` layout: <reposDir>/<owner>+<name>/repo
// or <reposDir>/<owner>+<name>) at one commit, without a work tree.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The git directory of a snapshot folder, or undefined when none of `names` is present. */
export function findSnapshot(reposDir: string, names: ReadonlyArray<string>): { name: string; gitDir: string } | undefined {
  for (const name of names) {
    for (const dir of [join(reposDir, name, 'repo'), join(reposDir, name)]) {
      if (existsSync(join(dir, 'HEAD'))) return { name, gitDir: dir };
    }
  }
  return undefined;
}

function git(gitDir: string, args: string[], input?: string): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 30 });
}

/**
 * The commit of a release: the tag when the snapshot has it, else the commit whose subject is
 * `releaseSubject` (Maven's release plugin tags exactly that commit, so forks without the tags
 * still hold it under the same hash).
 */
export function resolveRelease(gitDir: string, tag: string, releaseSubject?: string): string {
  try {
    return git(gitDir, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]).trim();
  } catch {
    if (!releaseSubject) throw new Error(`tag ${tag} is not in ${gitDir}`);
  }
  const hits = git(gitDir, ['log', '--all', '--format=%H %s', '--fixed-strings', `--grep=${releaseSubject}`])
    .split('\n')
    .filter((line) => line.slice(41) === releaseSubject || line.slice(41).startsWith(`${releaseSubject} `));
  const commits = [...new Set(hits.map((line) => line.slice(0, 40)))];
  if (commits.length !== 1) throw new Error(`expected one commit "${releaseSubject}" in ${gitDir}, found ${commits.length}`);
  return commits[0]!;
}

/** Paths of the files under `prefixes` at `commit`. */
export function listFiles(gitDir: string, commit: string, prefixes: ReadonlyArray<string>): string[] {
  if (!prefixes.length) return [];
  return git(gitDir, ['ls-tree', '-r', '--name-only', commit, '--', ...prefixes]).split('\n').filter(Boolean);
}

/** One file's text at `commit`. */
export function readFile(gitDir: string, commit: string, path: string): string {
  return git(gitDir, ['show', `${commit}:${path}`]);
}

/** Many files' text at `commit`, read in one `git cat-file --batch`. */
export function readFiles(gitDir: string, commit: string, paths: ReadonlyArray<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (!paths.length) return out;
  const raw = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: paths.map((p) => `${commit}:${p}`).join('\n') + '\n',
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

/** The date of a commit, as YYYY-MM-DD. */
export function commitDate(gitDir: string, commit: string): string {
  return git(gitDir, ['show', '-s', '--format=%cs', commit]).trim();
}
