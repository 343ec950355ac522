import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { OUTPUT_MARKER, prepareOutputFolder } from '../../../src/lib/miniature/output-folder.ts';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'miniature-out-'));
});

/** A folder as a finished run leaves it. */
function miniatureFolder(name: string, { marker = true } = {}): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'lake', 'gold'), { recursive: true });
  mkdirSync(join(root, 'lineage'), { recursive: true });
  writeFileSync(join(root, 'config.json'), '{}\n');
  writeFileSync(join(root, 'run-summary.json'), '{}\n');
  if (marker) writeFileSync(join(root, OUTPUT_MARKER), '');
  return root;
}

describe('a fresh run', () => {
  test('refuses a folder that holds a user file, and leaves the file where it was', () => {
    const root = join(scratch, 'notes');
    mkdirSync(root);
    writeFileSync(join(root, 'thesis.md'), 'years of work');
    expect(() => prepareOutputFolder(root, true)).toThrow(
      /holds files the miniature did not write \("thesis\.md"\) and no \.blueprint-miniature marker: choose a new or empty folder with --out/,
    );
    expect(readdirSync(root)).toEqual(['thesis.md']);
  });

  test('refuses a repository checkout (--out=.) without touching it', () => {
    const root = join(scratch, 'repo');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'package.json'), '{}');
    expect(() => prepareOutputFolder(root, true)).toThrow(/"\.git", "package\.json", "src"/);
    expect(readdirSync(root).sort()).toEqual(['.git', 'package.json', 'src']);
  });

  test('refuses its own folder once a user has put a file in it, and removes nothing', () => {
    const root = miniatureFolder('mixed');
    writeFileSync(join(root, 'my-query.sql'), 'select 1');
    expect(() => prepareOutputFolder(root, true)).toThrow(
      /is a miniature folder but also holds "my-query\.sql", which the miniature did not write: move it out/,
    );
    expect(existsSync(join(root, 'lake', 'gold'))).toBe(true);
    expect(existsSync(join(root, 'my-query.sql'))).toBe(true);
  });

  test('clears its own folder and marks it', () => {
    const root = miniatureFolder('own');
    prepareOutputFolder(root, true);
    expect(readdirSync(root)).toEqual([OUTPUT_MARKER]);
  });

  test('clears a folder an earlier version wrote (config.json, no marker)', () => {
    const root = miniatureFolder('legacy', { marker: false });
    prepareOutputFolder(root, true);
    expect(readdirSync(root)).toEqual([OUTPUT_MARKER]);
  });

  test('takes a new or an empty folder', () => {
    prepareOutputFolder(join(scratch, 'new', 'nested'), true);
    expect(readdirSync(join(scratch, 'new', 'nested'))).toEqual([OUTPUT_MARKER]);
    mkdirSync(join(scratch, 'empty'));
    prepareOutputFolder(join(scratch, 'empty'), true);
    expect(readdirSync(join(scratch, 'empty'))).toEqual([OUTPUT_MARKER]);
  });

  test('says plainly when the folder cannot be written', () => {
    writeFileSync(join(scratch, 'plain-file'), 'x');
    expect(() => prepareOutputFolder(join(scratch, 'plain-file', 'out'), true)).toThrow(
      /plain-file\/out cannot be written \(ENOTDIR\): choose a folder you can write to with --out/,
    );
  });

  test('refuses a file given as the folder', () => {
    writeFileSync(join(scratch, 'file'), 'x');
    expect(() => prepareOutputFolder(join(scratch, 'file'), true)).toThrow(
      /is a file, not a folder/,
    );
  });
});

describe('a run of chosen days (--day)', () => {
  test('needs an existing lake and keeps what is in it', () => {
    expect(() => prepareOutputFolder(join(scratch, 'none'), false)).toThrow(
      /does not exist: run without --day first/,
    );
    const root = miniatureFolder('kept');
    prepareOutputFolder(root, false);
    expect(existsSync(join(root, 'lake', 'gold'))).toBe(true);
  });
});
