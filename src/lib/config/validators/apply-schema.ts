import { loadSchemaRegistry, SCHEMA_DIR } from '../json-schema.ts';
import { schemaErrorsToProblems, type Locate } from '../schema-errors.ts';
import type { CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';

/**
 * Validate `value` against the named schema from src/lib/config/schemas, recording the check,
 * the ajv version and every problem (with its line) on `result`.
 */
export function applySchema(
  result: CheckResult,
  root: string,
  schemaName: string,
  value: unknown,
  locate: Locate | undefined,
  prefix = '',
): void {
  const registry = loadSchemaRegistry(root);
  const validate = registry.get(schemaName);
  if (!validate) {
    result.problems.push({
      file: result.file,
      message: `schema "${schemaName}" not found in ${SCHEMA_DIR}/`,
    });
    return;
  }
  if (!result.tools.some((t) => t.name === 'ajv')) result.tools.push(npmTool('ajv'));
  const check = `validated against JSON Schema ${schemaName} (${registry.fileOf(schemaName)})`;
  if (!result.checks.includes(check)) result.checks.push(check);
  const note = `JSON Schema ${schemaName}`;
  if (!result.badgeNotes.includes(note)) result.badgeNotes.push(note);
  if (!validate(value))
    result.problems.push(
      ...schemaErrorsToProblems(
        result.file,
        validate.errors,
        locate,
        prefix,
        value,
        validate.schema,
      ),
    );
}
