// Command-line options of `npm run bench`.
import { MEASURED_IDS, type MeasuredId } from './context.ts';

/** Options of a benchmark run. */
export interface BenchOptions {
  /** Small sizes and two runs: proves the scripts work in seconds; results are not publishable. */
  quick: boolean;
  /** Directory the result files go to; undefined means the default for the mode. */
  out: string | undefined;
  /** Benchmarks to run, in the standard order. */
  only: MeasuredId[];
  /** Whether to measure PostgreSQL when it is installed. */
  postgres: boolean;
  /** Seed of the data generator. */
  seed: number;
  /** Override of the dataset size. */
  rows: number | undefined;
  help: boolean;
}

/** Usage text printed by --help and after a bad option. */
export const USAGE = `Usage: npm run bench -- [options]

Runs the measured benchmarks and writes one JSON file each (with machine, versions, date, commit
and every run) to content/benchmarks/, or with --quick to a temporary directory.

  --quick            small data, 2 runs, no warm-up; for the test suite (results are marked "quick")
  --out=DIR          write results to DIR
  --only=ID[,ID]     run only these: ${MEASURED_IDS.join(', ')}
  --no-postgres      skip PostgreSQL even when its binaries are installed (row-vs-column runs
                     without it; cdc-vs-extract and cdc-source-impact, which need it, are skipped)
  --seed=N           seed of the generated data (default 42)
  --rows=N           rows of the main dataset (default 2,000,000; quick 40,000)
  --help             show this text`;

/** Parse the command line; throws an Error whose message says what is wrong and what is valid. */
export function parseBenchArgs(argv: ReadonlyArray<string>): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    out: undefined,
    only: [...MEASURED_IDS],
    postgres: true,
    seed: 42,
    rows: undefined,
    help: false,
  };
  for (const arg of argv) {
    const [key, value] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const int = (min: number) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${key}: expected an integer ≥ ${min}, got "${value ?? ''}"`);
      return n;
    };
    switch (key) {
      case '--quick':
        options.quick = true;
        break;
      case '--out':
        if (!value) throw new Error('--out: expected a directory, e.g. --out=/tmp/bench');
        options.out = value;
        break;
      case '--only': {
        const ids = (value ?? '').split(',').filter(Boolean);
        const unknown = ids.filter((id) => !(MEASURED_IDS as ReadonlyArray<string>).includes(id));
        if (!ids.length || unknown.length)
          throw new Error(
            `--only: unknown benchmark "${unknown.join(', ') || value || ''}". Known: ${MEASURED_IDS.join(', ')}`,
          );
        options.only = MEASURED_IDS.filter((id) => ids.includes(id));
        break;
      }
      case '--no-postgres':
        options.postgres = false;
        break;
      case '--seed':
        options.seed = int(0);
        break;
      case '--rows':
        options.rows = int(1000);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option "${arg}"`);
    }
  }
  return options;
}
