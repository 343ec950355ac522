// The mutation corpora of the property, dbt, Terraform, SQL, Python, Avro, ODCS and Actions
// checks: each tests/fixtures/mutations/<folder>.mutations.yaml lists its planted mistakes (file,
// line, key, nearest valid value). The Kubernetes, Helm and cross-file corpora mark theirs inline
// instead (mutations.test.ts); one format for both is a TODO(#20).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { validateConfigs } from '../../../src/lib/config/validate-configs.ts';
import type { ConfigProblem } from '../../../src/lib/config/result.ts';

const CORPUS = 'tests/fixtures/mutations';

/** One planted mistake, as <folder>.mutations.yaml lists it. */
interface Mutation {
  file: string;
  /** Line of the mistake; omitted for a missing field, reported on the file. */
  line?: number;
  kind: string;
  /** The key (or name) the message must quote. */
  key: string;
  /** The nearest valid value the message must suggest, when there is one. */
  nearest?: string;
}

const corpora = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.mutations.yaml'))
  .map((f) => {
    const { validator, mutations } = parse(readFileSync(join(CORPUS, f), 'utf8')) as {
      validator: string;
      mutations: Mutation[];
    };
    return { folder: f.replace(/\.mutations\.yaml$/, ''), validator, mutations };
  });

/** Whether `problem` reports `m`: same file and line, naming the key and the nearest valid value. */
function catches(problem: ConfigProblem, folder: string, m: Mutation): boolean {
  return (
    problem.file === `${CORPUS}/${folder}/${m.file}` &&
    problem.line === m.line &&
    problem.message.includes(m.key) &&
    (m.nearest === undefined || problem.message.includes(`"${m.nearest}"`))
  );
}

describe.each(corpora)(
  'mutation corpus $folder ($validator validator)',
  ({ folder, mutations }) => {
    test('catches every planted mistake with the key and the nearest valid value, and reports nothing else', async () => {
      const report = await validateConfigs({ configsDir: CORPUS, knownIds: [], ids: [folder] });
      const missed = mutations.filter((m) => !report.problems.some((p) => catches(p, folder, m)));
      // A problem that no planted mistake explains is a false alarm, unless it is the same mistake
      // seen by a second rule (it names a planted key or the value that key should have been).
      const stray = report.problems.filter(
        (p) =>
          !mutations.some(
            (m) =>
              catches(p, folder, m) ||
              p.message.includes(m.key) ||
              (m.nearest && p.message.includes(m.nearest)),
          ),
      );
      expect({
        planted: mutations.length,
        caught: mutations.length - missed.length,
        missed,
        stray,
      }).toEqual({
        planted: mutations.length,
        caught: mutations.length,
        missed: [],
        stray: [],
      });
    });
  },
);
