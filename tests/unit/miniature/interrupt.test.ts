// An interrupted run leaves nothing behind: the CLI is spawned with PostgreSQL as the source,
// sent SIGTERM once the source is up, and must stop the server, remove its temporary folder
// and the lake's unfinished files, and exit as a shell expects.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findPostgres } from '../../../src/lib/miniature/source-postgres.ts';

const scratch = mkdtempSync(join(tmpdir(), 'miniature-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Command lines of running processes that mention `text`. */
function findProcesses(text: string): string[] {
  return spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.includes(text));
}

/** Start the CLI with these options, wait until its output matches `ready`, then send SIGTERM. */
async function interrupt(name: string, options: string[], ready: RegExp) {
  // The source's temporary folder goes under this TMPDIR, so what is left there is ours; the
  // postgres user must be able to reach it when the run is root.
  const tmp = join(scratch, `${name}-tmp`);
  mkdirSync(tmp);
  chmodSync(scratch, 0o755);
  chmodSync(tmp, 0o755);
  const out = join(scratch, `${name}-out`);
  const child = spawn(
    process.execPath,
    [
      'scripts/miniature/run.ts',
      `--out=${out}`,
      '--source=postgres',
      '--days=3',
      '--customers=60',
      '--orders-per-day=40',
      ...options,
    ],
    { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (ready.test(stdout)) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before ${ready}:\n${stdout}\n${stderr}`)));
  });
  // The server is running from a folder under our TMPDIR.
  const folders = readdirSync(tmp).filter((d) => d.startsWith('miniature-pg-'));
  expect(folders).toHaveLength(1);
  const server = join(tmp, folders[0]!);
  expect(findProcesses(server).length).toBeGreaterThan(0);
  child.kill('SIGTERM');
  return { code: await exited, stderr, tmp, out, server };
}

describe.skipIf(!findPostgres().ok)('an interrupted run with PostgreSQL as the source', () => {
  test("SIGTERM stops the server, removes its folder and the lake's unfinished files, and exits 143", async () => {
    const { code, stderr, tmp, out, server } = await interrupt(
      'batch',
      [],
      /^source {3}PostgreSQL/m,
    );
    expect(code).toBe(143);
    expect(stderr).toContain(
      'miniature: interrupted by SIGTERM; stopping the source and removing unfinished files',
    );
    expect(readdirSync(tmp)).toEqual([]);
    expect(findProcesses(server)).toEqual([]);
    expect(existsSync(join(out, 'lake', '_staging'))).toBe(false);
  }, 120_000);

  test('with --cdc, SIGTERM after the slot was read drops the replication slot, then stops the server', async () => {
    const { code, stderr, tmp, server } = await interrupt(
      'cdc',
      ['--cdc'],
      /^\d{4}-\d{2}-\d{2} {2}ingest /m,
    );
    expect(code).toBe(143);
    // The slot is dropped, and the server found no slot left, before the server stopped.
    expect(stderr).toContain(
      'miniature: cleanup: replication slot miniature_cdc dropped, 0 slots left on the server',
    );
    expect(stderr).not.toContain('cleanup failed');
    expect(readdirSync(tmp)).toEqual([]);
    expect(findProcesses(server)).toEqual([]);
  }, 180_000);
});
