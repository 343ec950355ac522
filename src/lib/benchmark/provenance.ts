import { formatBytes } from './format.ts';
import type { Machine, MeasuredBenchmark, PublishedBenchmark, Source } from './schema.ts';

/** Short machine name for links and captions, e.g. "AMD EPYC, 2 cores". */
export function describeMachineShort(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} ${machine.cores === 1 ? 'core' : 'cores'}`;
}

/** Full machine line, e.g. "AMD EPYC, 2 cores, 25.2 GB RAM, Debian GNU/Linux 12 (bookworm), Linux 6.1 (x64)". */
export function describeMachine(machine: Machine): string {
  return `${describeMachineShort(machine)}, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os} (${machine.arch})`;
}

/**
 * Load before the run and other processes' CPU during it, e.g. "load average 0.12 at start (1-minute;
 * 2 cores); other processes used 0.03 cores during the run". Older results without the CPU figure
 * give the end load instead, which includes the benchmark's own work.
 */
export function describeLoad(machine: Machine): string {
  const f = (n: number) => n.toFixed(2);
  const start = `load average ${f(machine.loadAverage.start[0])} at start`;
  if (machine.otherCpu !== undefined)
    return `${start} (1-minute; ${machine.cores} cores); other processes used ${f(machine.otherCpu)} cores during the run`;
  return `${start}, ${f(machine.loadAverage.end[0])} at end (1-minute; ${machine.cores} cores, the benchmark’s own work included)`;
}

/** Where the data files lived, e.g. "ext4 on /dev/sda1 (QEMU HARDDISK)"; says so when not recorded. */
export function describeStorage(machine: Machine): string {
  if (!machine.fileSystem && !machine.disk) return 'file system and disk not recorded';
  return [machine.fileSystem ?? 'file system not recorded', machine.disk && `on ${machine.disk}`]
    .filter(Boolean)
    .join(' ');
}

/**
 * One line saying what the numbers are: which engines, on what machine and storage, with the
 * result's own scope ("not Trino over S3"), e.g. "DuckDB v1.5.6, one process, 2 cores (AMD EPYC)
 * on QEMU Standard PC; data files on ext4 on /dev/vda; 2,000,000 generated rows. Not Trino over S3."
 */
export function describeWhatWasMeasured(b: MeasuredBenchmark): string {
  const p = b.provenance;
  const engines = p.software
    .filter((s) => !s.name.startsWith('@'))
    .map((s) => `${s.name} ${s.version}`);
  const list =
    engines.length > 1
      ? `${engines.slice(0, -1).join(', ')} and ${engines.at(-1)}`
      : (engines[0] ?? 'the engines listed below');
  const cores = `${p.machine.cores} ${p.machine.cores === 1 ? 'core' : 'cores'} (${p.machine.cpu})`;
  const host = p.machine.host ? `on ${p.machine.host}` : 'host type not recorded';
  const storage =
    p.machine.fileSystem || p.machine.disk
      ? `data files on ${describeStorage(p.machine)}`
      : 'file system and disk not recorded';
  const rows = `${p.dataset.rows.toLocaleString('en-US')} generated rows`;
  const scope = b.scope
    ? ` ${b.scope[0]!.toUpperCase()}${b.scope.slice(1).replace(/\.$/, '')}.`
    : '';
  return `${list}, one process, ${cores}, ${host}; ${storage}; ${rows}.${scope}`;
}

/** The label a provisional result carries wherever it is shown; undefined for a publishable result. */
export function describeStatus(b: MeasuredBenchmark): string | undefined {
  if (!b.status) return undefined;
  const reason = b.status.reason.replace(/\.$/, '');
  return `Provisional: ${reason[0]!.toUpperCase()}${reason.slice(1)}. Not a publishable result; rerun pending.`;
}

/** The lines of a measured benchmark's provenance, label and value, in display order. */
export function measuredProvenanceLines(b: MeasuredBenchmark): { label: string; value: string }[] {
  const p = b.provenance;
  return [
    {
      label: 'Machine',
      value: `${describeMachine(p.machine)}; ${p.machine.host ?? 'host type not recorded'}`,
    },
    { label: 'Storage', value: describeStorage(p.machine) },
    { label: 'Load', value: describeLoad(p.machine) },
    {
      label: 'Software',
      value: [`Node.js ${p.node}`, ...p.software.map((s) => `${s.name} ${s.version}`)].join(', '),
    },
    {
      label: 'Data',
      value: `${p.dataset.rows.toLocaleString('en-US')} rows of “${p.dataset.name}”, seed ${p.dataset.seed} (the same seed gives the same rows with the same engine versions): ${p.dataset.description} (${p.dataset.generator})`,
    },
    {
      label: 'Runs',
      value: `${p.plan.warmup} warm-up, then ${p.plan.runs} measured; tables show the median, the best run, the min – max and the coefficient of variation (CV), and flag ratios whose ranges overlap`,
    },
    ...(p.settings.length
      ? [{ label: 'Settings', value: p.settings.map((s) => `${s.name}: ${s.value}`).join('; ') }]
      : []),
    {
      label: 'Run',
      value: `${p.date.slice(0, 10)} (${p.date}), ${Math.round(p.durationSeconds)} s, ${p.mode} mode`,
    },
    {
      label: 'Commit',
      value: `${p.commit.sha}${p.commit.dirty ? ` with uncommitted changes${p.commit.dirtyPaths.length ? ` (${p.commit.dirtyPaths.join(', ')})` : ' (paths not recorded)'}` : ''}`,
    },
  ];
}

const STANCE_LABELS: Record<Source['stance'], string> = {
  vendor: 'vendor claim',
  independent: 'independent',
  'open-benchmark': 'open benchmark',
};

/** How a source's stance reads next to its figures, e.g. "vendor claim". */
export function describeStance(stance: Source['stance']): string {
  return STANCE_LABELS[stance];
}

/** One line citing a source: publisher, authors, date and stance. */
export function citeSource(source: Source): string {
  const authors = source.authors.length ? ` (${source.authors.join(', ')})` : '';
  return `${source.publisher}${authors}, ${source.date ?? 'undated'}; ${describeStance(source.stance)}`;
}

/** Short provenance of published figures, e.g. "Published figures retrieved 2026-11-28 from 3 sources". */
export function describePublished(b: PublishedBenchmark): string {
  const n = b.sources.length;
  return `Published figures, retrieved ${b.retrieved} from ${n === 1 ? 'one source' : `${n} sources`}; not measured here.`;
}

/** URL of a benchmark's result file in the repository, e.g. for "see the raw file". */
export function resultFileUrl(id: string, repoUrl: string, branch: string): string {
  return `${repoUrl.replace(/\/$/, '')}/blob/${branch}/content/benchmarks/${id}.json`;
}
