import { parseProperties } from '../parse-properties.ts';
import { isPlaceholder, isSecretName } from '../secrets.ts';
import { startResult } from '../result.ts';
import {
  checkTrinoPropertyNames,
  loadTrinoNames,
  TRINO_SCHEMA_KINDS,
} from '../trino-properties.ts';
import { applySchema } from './apply-schema.ts';
import type { Validator } from './types.ts';

/**
 * Java .properties files (Trino, Kafka, Druid): parsed as java.util.Properties does, duplicate
 * keys rejected (the JVM silently keeps the last), then checked against `schema` if named.
 */
export const validateProperties: Validator = async (inputs) =>
  inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'properties');
    result.checks.push(
      'parsed as Java .properties (java.util.Properties rules) with duplicate keys rejected',
      'credential-named keys must reference the environment or a file, not hold a literal',
    );
    const entries = parseProperties(input.text);
    const lines = new Map<string, number>();
    for (const entry of entries) {
      const first = lines.get(entry.key);
      if (first !== undefined)
        result.problems.push({
          file: input.file,
          line: entry.line,
          message: `"${entry.key}" is set twice (first on line ${first}); the JVM silently keeps the last value`,
        });
      else lines.set(entry.key, entry.line);
      if (isSecretName(entry.key) && !isPlaceholder(entry.value))
        result.problems.push({
          file: input.file,
          line: entry.line,
          message: `"${entry.key}" holds a literal credential; reference it instead (Trino: \${ENV:NAME}, Druid: {"type":"environment","variable":"NAME"})`,
        });
      if (entry.key === '')
        result.problems.push({
          file: input.file,
          line: entry.line,
          message: 'a line has a value but no key',
        });
    }
    if (entries.length === 0)
      result.problems.push({ file: input.file, message: 'the file sets no properties' });
    const trino = input.entry.schema ? TRINO_SCHEMA_KINDS[input.entry.schema] : undefined;
    if (trino) {
      const names = loadTrinoNames(input.root, trino.kind);
      result.checks.push(
        `property names checked against the ${trino.label} names of ${names.source} (src/lib/config/upstream/trino-properties.json): unknown and defunct names rejected, legacy names reported with their replacement`,
      );
      result.badgeNotes.push(`${names.release} property names`);
      result.limits.push(
        'names come from every module the plugin ships with, so a name bound only in another setting (for example s3.* while fs.s3.enabled is false, hive.* in an Iceberg catalog) is accepted; values are checked only where the JSON Schema lists the property',
      );
      result.problems.push(
        ...checkTrinoPropertyNames(input.file, entries, names, trino.label, trino.plugin),
      );
    } else if (input.entry.schema?.startsWith('druid-')) {
      result.limits.push(
        'Druid property names not checked: no name list derived from apache/druid at the pinned version',
      );
    }
    if (input.entry.schema) {
      const value = Object.fromEntries(entries.map((e) => [e.key, e.value]));
      applySchema(result, input.root, input.entry.schema, value, (path, key) =>
        lines.get(String(key ?? path[0] ?? '')),
      );
    }
    return result;
  });
