import { execFileSync } from 'node:child_process';

/** Where a "last updated" date came from: a commit, or the fallback when history is missing. */
export interface LastUpdated {
  date: Date;
  source: 'git' | 'fallback';
}

/** Runs git and returns stdout; injectable so tests need no repository. */
export type GitRunner = (args: string[]) => string;

const runGit: GitRunner = (args) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/**
 * Date of the last commit touching `file`. Shallow clones (CI, previews) may not contain that commit:
 * then the newest commit in the clone says nothing about the file, so fall back to `fallback`
 * (the chapter's `reviewed` date) rather than showing a misleading date.
 */
export function getLastUpdated(file: string, fallback: Date, git: GitRunner = runGit): LastUpdated {
  try {
    if (git(['rev-parse', '--is-shallow-repository']).trim() === 'true')
      return { date: fallback, source: 'fallback' };
    const iso = git(['log', '-1', '--format=%cI', '--', file]).trim();
    if (iso) return { date: new Date(iso), source: 'git' };
  } catch {
    // Not a git checkout (e.g. a source tarball): use the fallback.
  }
  return { date: fallback, source: 'fallback' };
}
