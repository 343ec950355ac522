import { describe, expect, test } from 'vitest';
import { BenchmarkSchema, type MeasuredBenchmark } from '../../../src/lib/benchmark/schema.ts';
import {
  describeLoad,
  describeStatus,
  describeStorage,
  describeWhatWasMeasured,
  measuredProvenanceLines,
} from '../../../src/lib/benchmark/provenance.ts';
import { measured } from './builders.ts';

const build = (over: Record<string, unknown> = {}) =>
  BenchmarkSchema.parse(measured(over)) as MeasuredBenchmark;

describe('what was measured', () => {
  test('names the engines, storage, host, cores, rows and the result’s own scope', () => {
    const b = build({ scope: 'Files on a local disk, not Trino over S3.' });
    expect(describeWhatWasMeasured(b)).toBe(
      'DuckDB v1.5.6, one process, 2 cores (AMD EPYC), on QEMU Standard PC (i440FX + PIIX, 1996); data files on ext4 on /dev/sda1 (QEMU HARDDISK); 2,000,000 generated rows. Files on a local disk, not Trino over S3.',
    );
  });

  test('says so when the storage and host were not recorded, instead of guessing', () => {
    const base = measured() as { provenance: { machine: Record<string, unknown> } };
    const machine = { ...base.provenance.machine };
    for (const key of ['host', 'fileSystem', 'disk']) delete machine[key];
    const b = build({ provenance: { ...base.provenance, machine } });
    expect(describeStorage(b.provenance.machine)).toBe('file system and disk not recorded');
    expect(describeWhatWasMeasured(b)).toContain(
      '2 cores (AMD EPYC), host type not recorded; file system and disk not recorded; 2,000,000',
    );
  });
});

describe('load line', () => {
  test('gives the start load and other processes’ CPU, not the end load that counts the benchmark itself', () => {
    expect(describeLoad(build().provenance.machine)).toBe(
      'load average 0.50 at start (1-minute; 2 cores); other processes used 0.05 cores during the run',
    );
  });

  test('for an older result without the CPU figure, says the end load includes the benchmark’s own work', () => {
    const base = measured() as { provenance: { machine: Record<string, unknown> } };
    const machine = { ...base.provenance.machine };
    delete machine['otherCpu'];
    const b = build({
      status: { state: 'provisional', reason: 'measured before other processes’ CPU was recorded' },
      provenance: { ...base.provenance, machine },
    });
    expect(describeLoad(b.provenance.machine)).toBe(
      'load average 0.50 at start, 0.90 at end (1-minute; 2 cores, the benchmark’s own work included)',
    );
  });
});

describe('status and commit lines', () => {
  test('labels a provisional result with its reason and says it is not publishable', () => {
    const b = build({
      status: { state: 'provisional', reason: 'measured on a busy machine (load 2.5 on 2 cores).' },
    });
    expect(describeStatus(b)).toBe(
      'Provisional: Measured on a busy machine (load 2.5 on 2 cores). Not a publishable result; rerun pending.',
    );
    expect(describeStatus(build())).toBeUndefined();
  });

  test('lists the dirty paths of a provisional result’s commit', () => {
    const base = measured() as { provenance: Record<string, unknown> };
    const b = build({
      status: { state: 'provisional', reason: 'measured from a checkout with local edits' },
      provenance: {
        ...base.provenance,
        commit: { sha: '5ef5d90', dirty: true, dirtyPaths: [' M scripts/lib/bench/measure.ts'] },
      },
    });
    expect(measuredProvenanceLines(b).find((l) => l.label === 'Commit')?.value).toBe(
      '5ef5d90 with uncommitted changes ( M scripts/lib/bench/measure.ts)',
    );
  });
});
