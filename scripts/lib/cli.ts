// The one command-line parser of our scripts: node:util's parseArgs in strict mode, so a misspelt
// option stops the script with the nearest valid one instead of being ignored, plus --help.
import { parseArgs } from 'node:util';
import { nearestName } from '../../src/lib/config/nearest-name.ts';

/** An option as parseArgs takes it, with a line for the usage text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What it does, for --help, e.g. "build folder to read (default dist)". */
  help: string;
  default?: string | boolean;
  short?: string;
}

/** A script's options and usage. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How the script is started, e.g. "node scripts/map-budget.ts". */
  command: string;
  /** One sentence on what it does. */
  summary: string;
  options: O;
  /** Whether arguments that are not options (e.g. URLs) are accepted. */
  positionals?: string;
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { default: string }
      ? string
      : string | undefined;
};

/** What a command line means, or why it cannot be taken. */
export type Parsed<O extends Record<string, OptionSpec>> =
  | { ok: true; help: boolean; values: Values<O>; positionals: string[] }
  | { ok: false; message: string };

/** The usage text: the command, its summary and one line per option. */
export function usage<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const rows = Object.entries(spec.options).map(
    ([name, o]) => [`--${name}${o.type === 'string' ? '=VALUE' : ''}`, o.help] as const,
  );
  rows.push(['--help', 'show this text']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const head = `Usage: ${spec.command} [options]${spec.positionals ? ` ${spec.positionals}` : ''}\n\n${spec.summary}\n`;
  return `${head}\n${rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join('\n')}`;
}

/** Parse `argv` against `spec` without side effects (tested); `parseCommandLine` prints and exits. */
export function parseCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: ReadonlyArray<string>,
): Parsed<O> {
  const names = [...Object.keys(spec.options), 'help'];
  const options = { ...spec.options, help: { type: 'boolean', help: '' } } as Record<
    string,
    OptionSpec
  >;
  // Unknown options first, from the tokens, so the message can name the nearest valid one.
  const { tokens } = parseArgs({
    args: [...argv],
    options: options as never,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens ?? []) {
    if (token.kind === 'option' && !names.includes(token.name)) {
      const nearest = nearestName(token.name, names);
      return {
        ok: false,
        message: `unknown option "${token.rawName}"${nearest ? `; nearest valid: "--${nearest}"` : ''}`,
      };
    }
    if (token.kind === 'positional' && !spec.positionals)
      return {
        ok: false,
        message: `unexpected argument "${token.value}": this command takes options only`,
      };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: options as never,
      strict: true,
      allowPositionals: Boolean(spec.positionals),
    });
    const help = Boolean((values as Record<string, unknown>)['help']);
    delete (values as Record<string, unknown>)['help'];
    return { ok: true, help, values: values, positionals };
  } catch (error) {
    // parseArgs' own words for a missing value or a value given to a boolean, e.g. "Option '--dir <value>' argument missing".
    return { ok: false, message: (error as Error).message };
  }
}

/** Parse the process's arguments; print usage and exit 0 on --help, or the problem and usage and exit 2. */
export function parseCommandLine<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const parsed = parseCommand(spec, argv);
  if (!parsed.ok) {
    console.error(`${spec.command}: ${parsed.message}\n\n${usage(spec)}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(usage(spec));
    process.exit(0);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
