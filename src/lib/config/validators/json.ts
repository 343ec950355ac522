import { locateIn } from '../json-schema.ts';
import { locateJsonError } from '../locate-json-error.ts';
import { parseYamlDocuments } from '../positions.ts';
import { startResult } from '../result.ts';
import { applySchema } from './apply-schema.ts';
import type { Validator } from './types.ts';

/** Parse strict JSON; on failure return the line and what is wrong there. */
export function parseJson(text: string): { value?: unknown; error?: { line: number; message: string } } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const located = locateJsonError(text);
    if (located) return { error: { line: located.line, message: located.message } };
    return { error: { line: 1, message: (error as Error).message } };
  }
}

/** JSON files: strict JSON.parse, duplicate keys rejected, then the manifest's `schema` if any. */
export const validateJson: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'json');
    result.tools.push({ name: 'Node.js JSON.parse', version: process.versions.node });
    result.checks.push('parsed as strict JSON (JSON.parse) with duplicate keys rejected');
    const parsed = parseJson(input.text);
    if (parsed.error) {
      result.problems.push({ file: input.file, line: parsed.error.line, message: `not valid JSON: ${parsed.error.message}` });
      return result;
    }
    // JSON is YAML 1.2, so the YAML parser gives us positions and catches duplicate keys,
    // which JSON.parse silently resolves to the last value.
    const { docs, errors } = parseYamlDocuments(input.text);
    for (const e of errors.filter((e) => /unique/i.test(e.message)))
      result.problems.push({ file: input.file, line: e.line, message: `duplicate key: ${e.message}` });
    if (input.entry.schema) {
      const doc = docs[0];
      applySchema(result, input.root, input.entry.schema, parsed.value, doc && !errors.length ? locateIn(doc) : undefined);
    }
    return result;
  });
