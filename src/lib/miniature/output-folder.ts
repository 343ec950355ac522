// The miniature's output folder belongs to the user until the miniature has made it its own: a
// fresh run clears only a folder that holds the miniature's marker (or, from before the marker,
// its config.json) and nothing it did not write, and removes only what it writes. Anything else
// is refused, so `--out=.` or `--out=~/Documents` can never delete a user's files.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError } from '../errors/format-issues.ts';

/** The file that marks a folder as the miniature's output. */
export const OUTPUT_MARKER = '.blueprint-miniature';

/** What the miniature writes at the top of its output folder; nothing else is ever removed. */
export const OUTPUT_ENTRIES: readonly string[] = [
  OUTPUT_MARKER,
  'config.json',
  'lake',
  'lineage',
  'source',
  'run-summary.json',
];

/** Whether a folder is the miniature's own: its marker, or a config.json from before the marker. */
function isMiniatureFolder(entries: readonly string[]): boolean {
  return entries.includes(OUTPUT_MARKER) || entries.includes('config.json');
}

/**
 * Why `root` may not be used as the miniature's output folder, or null when it may. A fresh run
 * needs a new or empty folder, or one of the miniature's own that holds nothing else; a run of
 * chosen days (--day) needs an existing miniature folder.
 */
export function checkOutputFolder(root: string, fresh: boolean): string | null {
  const where = resolve(root);
  if (!existsSync(root))
    return fresh ? null : `${where} does not exist: run without --day first to build a lake there`;
  if (!statSync(root).isDirectory())
    return `${where} is a file, not a folder: choose another --out`;
  const entries = readdirSync(root);
  if (entries.length === 0)
    return fresh ? null : `${where} is empty: run without --day first to build a lake there`;
  if (!isMiniatureFolder(entries)) {
    return `${where} holds files the miniature did not write (${preview(entries)}) and no ${OUTPUT_MARKER} marker: choose a new or empty folder with --out`;
  }
  const foreign = entries.filter((e) => !OUTPUT_ENTRIES.includes(e));
  if (foreign.length) {
    return `${where} is a miniature folder but also holds ${preview(foreign)}, which the miniature did not write: move ${foreign.length === 1 ? 'it' : 'them'} out or choose another --out`;
  }
  return null;
}

/**
 * Make `root` ready for a run, or throw a DataError saying why not (nothing is removed then). A
 * fresh run removes the miniature's own entries only; every run leaves the marker behind.
 */
export function prepareOutputFolder(root: string, fresh: boolean): void {
  const refusal = checkOutputFolder(root, fresh);
  if (refusal) throw new DataError(refusal);
  try {
    if (fresh)
      for (const entry of OUTPUT_ENTRIES)
        rmSync(join(root, entry), { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, OUTPUT_MARKER),
      'Output of `npm run miniature`: a fresh run clears what the miniature wrote here.\n',
    );
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new DataError(
      `${resolve(root)} cannot be written (${code ?? message}): choose a folder you can write to with --out`,
    );
  }
}

/** The first few names, for a message. */
function preview(names: readonly string[]): string {
  const shown = [...names]
    .sort()
    .slice(0, 3)
    .map((n) => `"${n}"`)
    .join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}
