import { describe, expect, test } from 'vitest';
import { parseCommand, usage } from '../../../scripts/lib/cli.ts';

const spec = {
  command: 'node scripts/example.ts',
  summary: 'An example command.',
  options: {
    files: { type: 'string', help: 'files, comma-separated' },
    port: { type: 'string', default: '4400', help: 'port (default 4400)' },
    verbose: { type: 'boolean', help: 'say more' },
  },
} as const;

describe('the scripts’ command-line parser', () => {
  test('reads --name=value, --name value and flags, with defaults', () => {
    expect(parseCommand(spec, ['--files=a.yaml,b.yaml', '--verbose'])).toEqual({
      ok: true,
      help: false,
      values: { files: 'a.yaml,b.yaml', port: '4400', verbose: true },
      positionals: [],
    });
    expect(parseCommand(spec, ['--port', '4500'])).toMatchObject({
      ok: true,
      values: { port: '4500' },
    });
  });

  test('rejects a misspelt option with the nearest valid one, instead of ignoring it', () => {
    expect(parseCommand(spec, ['--fils=a.yaml'])).toEqual({
      ok: false,
      message: 'unknown option "--fils"; nearest valid: "--files"',
    });
    expect(parseCommand(spec, ['--verbos'])).toEqual({
      ok: false,
      message: 'unknown option "--verbos"; nearest valid: "--verbose"',
    });
  });

  test('rejects a string option without its value and arguments a command does not take', () => {
    expect(parseCommand(spec, ['--files'])).toMatchObject({
      ok: false,
      message: expect.stringContaining("--files <value>' argument missing") as unknown,
    });
    expect(parseCommand(spec, ['content/configs'])).toEqual({
      ok: false,
      message: 'unexpected argument "content/configs": this command takes options only',
    });
    expect(
      parseCommand({ ...spec, positionals: 'URL...' }, ['http://localhost:4321/', '--verbose']),
    ).toMatchObject({ ok: true, positionals: ['http://localhost:4321/'] });
  });

  test('answers --help and lists every option in the usage text', () => {
    expect(parseCommand(spec, ['--help'])).toMatchObject({ ok: true, help: true });
    const text = usage(spec);
    expect(text.split('\n')[0]).toBe('Usage: node scripts/example.ts [options]');
    for (const line of ['--files=VALUE', '--port=VALUE', '--verbose', '--help'])
      expect(text).toContain(`  ${line}`);
  });
});
