import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuiltSite } from '../site/link-check.ts';
import type { ReadFile } from './page-weight.ts';

/** Every file under a build folder, as '/'-separated paths relative to it, sorted. */
export function listBuiltFiles(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? listBuiltFiles(path, root)
        : [relative(root, path).split(sep).join('/')];
    })
    .sort();
}

/** A build folder as the link checker reads it: all file paths and the HTML of every page. */
export function readBuiltSite(dir: string): BuiltSite {
  const files = listBuiltFiles(dir);
  return {
    files: new Set(files),
    pages: new Map(
      files.filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    ),
  };
}

/** A ReadFile over a build folder: undefined for a missing file instead of throwing. */
export function fileReader(dir: string): ReadFile {
  return (path) => {
    try {
      return readFileSync(join(dir, path));
    } catch {
      return undefined;
    }
  };
}
