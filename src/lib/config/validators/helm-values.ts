import { locateIn } from '../json-schema.ts';
import { startResult } from '../result.ts';
import { applySchema } from './apply-schema.ts';
import type { Validator } from './types.ts';
import { parseYamlInto } from './yaml.ts';

/**
 * Helm values files: one YAML map, checked against the schema we keep for the chart. No helm
 * binary runs offline, so the chart's templates are not rendered; the result says so.
 */
export const validateHelmValues: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'helm-values');
    result.badgeNotes.push('values only, chart not rendered');
    result.limits.push('chart templates not rendered: no helm binary offline, so only the values are checked');
    const docs = parseYamlInto(result, input);
    if (!docs) return result;
    const [doc] = docs;
    if (docs.length !== 1 || !doc || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
      result.problems.push({ file: input.file, line: 1, message: 'a values file must be a single YAML document holding a map' });
      return result;
    }
    // The manifest check reports a missing schema; here we only validate when there is one.
    if (input.entry.schema) applySchema(result, input.root, input.entry.schema, doc.value, locateIn(doc));
    return result;
  });
