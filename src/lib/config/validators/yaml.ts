import { locateIn } from '../json-schema.ts';
import { parseYamlDocuments, type LocatedDocument } from '../positions.ts';
import { startResult, type CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';
import {
  checkDbtProfiles,
  checkDbtProject,
  checkDbtResources,
  loadDbtUpstream,
} from '../dbt-upstream.ts';
import { applySchema } from './apply-schema.ts';
import type { ConfigInput, Validator } from './types.ts';

/**
 * Parse a YAML file strictly (YAML 1.2, duplicate keys rejected) and record syntax problems.
 * Returns the documents when the file parsed.
 */
export function parseYamlInto(
  result: CheckResult,
  input: ConfigInput,
): LocatedDocument[] | undefined {
  result.tools.push(npmTool('yaml'));
  result.checks.push('parsed as YAML 1.2 with duplicate keys rejected');
  const { docs, errors } = parseYamlDocuments(input.text);
  if (errors.length) {
    result.problems.push(
      ...errors.map((e) => ({
        file: input.file,
        line: e.line,
        message: `not valid YAML: ${e.message}`,
      })),
    );
    return undefined;
  }
  if (docs.length === 0) result.problems.push({ file: input.file, message: 'the file is empty' });
  return docs;
}

/** YAML files, each document checked against the manifest's `schema` when it names one. */
export const validateYaml: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'yaml');
    const docs = parseYamlInto(result, input);
    if (docs && input.entry.schema) {
      docs.forEach((doc, i) =>
        applySchema(
          result,
          input.root,
          input.entry.schema!,
          doc.value,
          locateIn(doc),
          docs.length > 1 ? `document ${i + 1}: ` : '',
        ),
      );
      const dbt = DBT_CHECKS[input.entry.schema];
      if (dbt) {
        const up = loadDbtUpstream(input.root);
        result.checks.push(dbt.describe(up));
        result.badgeNotes.push(dbt.badge(up));
        if (dbt.limit) result.limits.push(dbt.limit);
        for (const doc of docs)
          result.problems.push(...dbt.check(input.file, doc.value, locateIn(doc), up));
      }
    }
    return result;
  });

/** Upstream dbt checks by manifest schema name, on top of the project's own schema. */
const DBT_CHECKS: Record<
  string,
  {
    check: typeof checkDbtProject;
    describe: (up: ReturnType<typeof loadDbtUpstream>) => string;
    badge: (up: ReturnType<typeof loadDbtUpstream>) => string;
    limit?: string;
  }
> = {
  'dbt-project': {
    check: checkDbtProject,
    describe: (up) =>
      `keys checked against ${up.core}'s own project JSON Schema (src/lib/config/upstream/dbt-core-project.json) and ${up.adapter}'s model configs: unknown top-level keys, unknown +configs and configs missing their "+" rejected`,
    badge: (up) => `${up.core} project schema`,
    limit:
      'dbt-core runs this schema only for some adapters (not trino) and only warns; Jinja in values is not rendered',
  },
  'dbt-schema': {
    check: checkDbtResources,
    describe: (up) =>
      `checked against ${up.core}'s own resources JSON Schema (src/lib/config/upstream/dbt-core-resources.json), unknown keys rejected; ${up.adapter} configs accepted under config:`,
    badge: (up) => `${up.core} resources schema`,
    limit:
      'dbt-core runs this schema only for some adapters (not trino) and only warns; generic test arguments are not checked against the test macros',
  },
  'dbt-properties': {
    check: checkDbtResources,
    describe: (up) =>
      `checked against ${up.core}'s own resources JSON Schema (src/lib/config/upstream/dbt-core-resources.json), unknown keys rejected; ${up.adapter} configs accepted under config:`,
    badge: (up) => `${up.core} resources schema`,
    limit:
      'dbt-core runs this schema only for some adapters (not trino) and only warns; generic test arguments are not checked against the test macros',
  },
  'dbt-profiles': {
    check: checkDbtProfiles,
    describe: (up) =>
      `output keys checked against the credentials fields of each method in ${up.adapter} (src/lib/config/upstream/dbt-trino.json)`,
    badge: (up) => `${up.adapter} credentials`,
    limit:
      'outputs of adapters other than trino are not checked; values are not type-checked beyond the project schema',
  },
};
