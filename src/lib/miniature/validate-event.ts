// Check OpenLineage events against the JSON Schema kept beside this file, before they are
// written: an invalid event is a bug in the miniature, and it fails the run.
import { readFileSync } from 'node:fs';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import { DataError } from '../errors/format-issues.ts';
import type { RunEvent } from './lineage.ts';

// ajv ships CommonJS; under Node's ESM loader the class is on `.default`.
const Ajv2020 =
  (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

/** Path of the OpenLineage RunEvent schema the miniature keeps. */
export const EVENT_SCHEMA_FILE = new URL('./openlineage-run-event.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

/** The compiled schema, built once. */
function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validator = ajv.compile(JSON.parse(readFileSync(EVENT_SCHEMA_FILE, 'utf8')) as object);
  }
  return validator;
}

/** Every problem with an event, one line each as `<path>: <message>`; empty when valid. */
export function findEventProblems(event: unknown): string[] {
  const validate = getValidator();
  if (validate(event)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}`,
  );
}

/** Throw when an event does not match the schema, naming the job and every problem. */
export function assertValidEvent(event: RunEvent): void {
  const problems = findEventProblems(event);
  if (problems.length) {
    throw new DataError(
      `OpenLineage event ${event.eventType} of job "${event.job?.name}" is invalid:\n  ${problems.join('\n  ')}`,
    );
  }
}
