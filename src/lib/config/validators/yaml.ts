import { locateIn } from '../json-schema.ts';
import { parseYamlDocuments, type LocatedDocument } from '../positions.ts';
import { startResult, type CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';
import { applySchema } from './apply-schema.ts';
import type { ConfigInput, Validator } from './types.ts';

/**
 * Parse a YAML file strictly (YAML 1.2, duplicate keys rejected) and record syntax problems.
 * Returns the documents when the file parsed.
 */
export function parseYamlInto(result: CheckResult, input: ConfigInput): LocatedDocument[] | undefined {
  result.tools.push(npmTool('yaml'));
  result.checks.push('parsed as YAML 1.2 with duplicate keys rejected');
  const { docs, errors } = parseYamlDocuments(input.text);
  if (errors.length) {
    result.problems.push(...errors.map((e) => ({ file: input.file, line: e.line, message: `not valid YAML: ${e.message}` })));
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
        applySchema(result, input.root, input.entry.schema!, doc.value, locateIn(doc), docs.length > 1 ? `document ${i + 1}: ` : ''),
      );
    }
    return result;
  });
