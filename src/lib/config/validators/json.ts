import { locateIn } from '../json-schema.ts';
import { locateJsonError } from '../locate-json-error.ts';
import { parseYamlDocuments } from '../positions.ts';
import { startResult } from '../result.ts';
import { checkAvroSchema } from '../avro-check.ts';
import { npmTool } from '../tools.ts';
import { applySchema } from './apply-schema.ts';
import type { Validator } from './types.ts';

/** Parse strict JSON; on failure return the line and what is wrong there. */
export function parseJson(text: string): {
  value?: unknown;
  error?: { line: number; message: string };
} {
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
      result.problems.push({
        file: input.file,
        line: parsed.error.line,
        message: `not valid JSON: ${parsed.error.message}`,
      });
      return result;
    }
    // JSON is YAML 1.2, so the YAML parser gives us positions and catches duplicate keys,
    // which JSON.parse silently resolves to the last value.
    const { docs, errors } = parseYamlDocuments(input.text);
    for (const e of errors.filter((e) => /unique/i.test(e.message)))
      result.problems.push({
        file: input.file,
        line: e.line,
        message: `duplicate key: ${e.message}`,
      });
    const doc = docs[0];
    if (input.entry.schema) {
      applySchema(
        result,
        input.root,
        input.entry.schema,
        parsed.value,
        doc && !errors.length ? locateIn(doc) : undefined,
      );
    }
    if (input.entry.schema === 'avro-schema') {
      const avsc = npmTool('avsc');
      result.tools.push(avsc);
      result.checks.push(
        `parsed by avsc ${avsc.version} (Type.forSchema: names, types, unions, defaults against their types)`,
        'attributes within two edits of one the Avro 1.12 specification defines reported as misspellings',
      );
      result.limits.push(
        'other unknown attributes are accepted: the specification keeps them as metadata; logical types are not checked by avsc',
      );
      result.problems.push(
        ...checkAvroSchema(
          input.file,
          input.text,
          parsed.value,
          doc && !errors.length ? locateIn(doc) : undefined,
        ),
      );
    }
    return result;
  });
