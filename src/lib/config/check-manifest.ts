import { lineOfPath } from './positions.ts';
import type { ConfigFolder } from './load-manifests.ts';
import type { ConfigProblem } from './result.ts';
import type { ValidatorId } from './schema.ts';

/** SQL dialects the `sql` validator accepts: node-sql-parser's grammar names. */
export const SQL_DIALECTS = [
  'athena',
  'bigquery',
  'db2',
  'hive',
  'mariadb',
  'mysql',
  'postgresql',
  'redshift',
  'snowflake',
  'sqlite',
  'transactsql',
  'trino',
] as const;

/** Validators whose files may name a JSON Schema. */
const SCHEMA_VALIDATORS: ReadonlySet<ValidatorId> = new Set([
  'json',
  'yaml',
  'properties',
  'helm-values',
]);

/**
 * Cross-check a folder against its manifest in both directions, and each entry's options:
 * every file is listed, every entry has a file, the folder is a known component, dialects and
 * schemas exist.
 */
export function findManifestProblems(
  folder: ConfigFolder,
  knownIds: ReadonlyArray<string>,
  schemaNames: ReadonlyArray<string>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const file = folder.manifestFile;
  const at = (path: Array<string | number>, message: string): ConfigProblem => {
    const line = lineOfPath(folder.manifestDoc, path);
    return line ? { file, line, message } : { file, message };
  };

  if (knownIds.length && !knownIds.includes(folder.id))
    problems.push({
      file: `${folder.dir}/`,
      message: `"${folder.id}" is not a component id in diagram/graph.yaml; the folder name must be one. Known ids: ${knownIds.join(', ')}`,
    });

  const listed = new Map<string, number>();
  folder.manifest.files.forEach((entry, i) => {
    const p = entry.path;
    if (
      p.startsWith('/') ||
      p.startsWith('./') ||
      p.split('/').includes('..') ||
      p.includes('\\')
    ) {
      problems.push(
        at(
          ['files', i, 'path'],
          `files[${i}].path: "${p}" must be relative to ${folder.dir}/, with "/" separators and no "." or ".." parts`,
        ),
      );
      return;
    }
    if (p === 'manifest.yaml')
      problems.push(
        at(['files', i, 'path'], `files[${i}].path: the manifest does not list itself`),
      );
    else if (listed.has(p))
      problems.push(
        at(
          ['files', i, 'path'],
          `files[${i}].path: "${p}" is listed twice (also files[${listed.get(p)}])`,
        ),
      );
    else listed.set(p, i);
    if (p !== 'manifest.yaml' && !folder.files.includes(p))
      problems.push(
        at(['files', i, 'path'], `files[${i}].path: "${p}" does not exist in ${folder.dir}/`),
      );

    if (entry.validator === 'sql') {
      if (!entry.dialect)
        problems.push(
          at(
            ['files', i],
            `files[${i}]: the sql validator needs "dialect"; one of ${SQL_DIALECTS.join(', ')}`,
          ),
        );
      else if (!(SQL_DIALECTS as ReadonlyArray<string>).includes(entry.dialect))
        problems.push(
          at(
            ['files', i, 'dialect'],
            `files[${i}].dialect: "${entry.dialect}" is not supported; one of ${SQL_DIALECTS.join(', ')}`,
          ),
        );
    } else if (entry.dialect) {
      problems.push(
        at(
          ['files', i, 'dialect'],
          `files[${i}].dialect: only the sql validator takes a dialect (this file uses "${entry.validator}")`,
        ),
      );
    }

    if (entry.schema !== undefined) {
      if (!SCHEMA_VALIDATORS.has(entry.validator))
        problems.push(
          at(
            ['files', i, 'schema'],
            `files[${i}].schema: the ${entry.validator} validator takes no schema; only ${[...SCHEMA_VALIDATORS].join(', ')} do`,
          ),
        );
      else if (!schemaNames.includes(entry.schema))
        problems.push(
          at(
            ['files', i, 'schema'],
            `files[${i}].schema: "${entry.schema}" is not in src/lib/config/schemas/. Known schemas: ${schemaNames.join(', ')}`,
          ),
        );
    } else if (entry.validator === 'helm-values') {
      problems.push(
        at(
          ['files', i],
          `files[${i}]: helm-values files need "schema" naming the chart's values schema. Known schemas: ${schemaNames.join(', ')}`,
        ),
      );
    }
  });

  for (const f of folder.files) {
    if (!listed.has(f))
      problems.push({
        file: `${folder.dir}/${f}`,
        message: `not listed in ${folder.manifestFile}; add an entry under files: with path "${f}" and a validator`,
      });
  }
  return problems;
}
