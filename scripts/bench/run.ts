// npm run bench [-- --quick] [--only=file-formats] [--out=DIR] [--no-postgres] [--seed=N] [--rows=N]
// Measures file formats, storage layout, row vs column stores, incremental loads, rollup ratios, commit intervals
// and merge-on-read against copy-on-write with embedded engines, object-store requests per layout through a local
// range server (needs hyparquet), and CDC against extracts (read cost, and the source's throughput under load) on a
// private PostgreSQL, and writes content/benchmarks/<id>.json with full provenance.
import { parseBenchArgs, USAGE } from '../lib/bench/args.ts';
import { defaultOut, GateRefusal, runBenchmarks } from '../lib/bench/run-all.ts';

let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const out = options.out ?? defaultOut(options.quick);
const t0 = performance.now();
console.log(
  `bench: ${options.quick ? 'quick' : 'full'} run of ${options.only.join(', ')} → ${out}`,
);
try {
  const results = await runBenchmarks(options, out, (line) => console.log(line));
  console.log(
    `bench: wrote ${results.length} result files in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  if (error instanceof GateRefusal) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  }
}
