import { mergeValues, readChartSchemaInfo } from '../chart-schemas.ts';
import { findUnsubstitutedPlaceholders } from '../helm-placeholders.ts';
import { loadSchemaRegistry, locateIn } from '../json-schema.ts';
import { lineOfPath } from '../positions.ts';
import { checkTrinoHelmProperties, namesFromRoot } from '../trino-helm-properties.ts';
import { startResult } from '../result.ts';
import { schemaErrorsToProblems } from '../schema-errors.ts';
import { npmTool } from '../tools.ts';
import { applySchema } from './apply-schema.ts';
import type { Validator } from './types.ts';
import { parseYamlInto } from './yaml.ts';

/**
 * Helm values files: one YAML map, checked against the schema derived from the pinned chart
 * (its own values.schema.json, or the key tree of its values.yaml and templates plus its `fail`
 * conditions). No helm binary runs offline, so templates are not rendered; the result says so.
 */
export const validateHelmValues: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'helm-values');
    result.badgeNotes.push('values only, chart not rendered');
    result.limits.push(
      'chart templates not rendered: no helm binary offline, so only the values are checked',
    );
    const docs = parseYamlInto(result, input);
    if (!docs) return result;
    const [doc] = docs;
    if (
      docs.length !== 1 ||
      !doc ||
      typeof doc.value !== 'object' ||
      doc.value === null ||
      Array.isArray(doc.value)
    ) {
      result.problems.push({
        file: input.file,
        line: 1,
        message: 'a values file must be a single YAML document holding a map',
      });
      return result;
    }
    result.checks.push(
      'no ${…} placeholders in values the chart copies verbatim into Kubernetes objects (annotations, labels, images)',
    );
    result.problems.push(...findUnsubstitutedPlaceholders(input.file, doc));
    // The manifest check reports a missing schema; here we only validate when there is one.
    const name = input.entry.schema;
    if (!name) return result;
    if (name === 'trino-values') {
      // The chart copies these blocks verbatim into config.properties and the catalog files.
      const trino = checkTrinoHelmProperties(
        input.file,
        doc.value as Record<string, unknown>,
        (path) => lineOfPath(doc, path),
        namesFromRoot(input.root),
      );
      if (trino.checked.length > 0)
        result.checks.push(
          `Trino property names in ${trino.checked.join(', ')} checked against the pinned Trino's names (src/lib/config/upstream/trino-properties.json): unknown and defunct names rejected`,
        );
      result.limits.push(...trino.notChecked);
      result.problems.push(...trino.problems);
    }
    const chart = readChartSchemaInfo(input.root, name);
    const validate = loadSchemaRegistry(input.root).get(name);
    if (!chart || !validate) {
      result.limits.push(
        `${name} is a hand-written schema, not derived from the chart: keys it does not list may pass`,
      );
      applySchema(result, input.root, name, doc.value, locateIn(doc));
      return result;
    }
    result.tools.push(npmTool('ajv'));
    result.checks.push(
      `validated against the ${chart.chart} chart ${chart.version} (${chart.source}; ${chart.kind}; ${chart.file}): unknown keys rejected at every level except the chart's free-form maps`,
    );
    result.badgeNotes.push(`${chart.chart} chart ${chart.version}`);
    result.limits.push(...chart.notChecked);
    const values =
      chart.defaults === undefined ? doc.value : mergeValues(chart.defaults, doc.value);
    if (!validate(values))
      result.problems.push(
        ...schemaErrorsToProblems(input.file, validate.errors, locateIn(doc), '', values),
      );
    return result;
  });
