import type { ValidatorId } from '../schema.ts';
import { validateCompose } from './compose.ts';
import { validateFlinkSql } from './flink-sql.ts';
import { validateGithubActions } from './github-actions.ts';
import { validateHelmValues } from './helm-values.ts';
import { validateJson } from './json.ts';
import { validateKubernetes } from './kubernetes.ts';
import { validateProperties } from './properties.ts';
import { validatePython } from './python.ts';
import { validateSql } from './sql.ts';
import { validateTerraform } from './terraform.ts';
import type { Validator } from './types.ts';
import { validateYaml } from './yaml.ts';

/** Every validator id in schema.ts mapped to its implementation. */
export const VALIDATORS: Record<ValidatorId, Validator> = {
  compose: validateCompose,
  kubernetes: validateKubernetes,
  'helm-values': validateHelmValues,
  'github-actions': validateGithubActions,
  terraform: validateTerraform,
  python: validatePython,
  sql: validateSql,
  'flink-sql': validateFlinkSql,
  json: validateJson,
  yaml: validateYaml,
  properties: validateProperties,
};
