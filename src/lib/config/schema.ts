import { z } from 'zod';

/**
 * How a config file is checked on every build. Each name is implemented in src/lib/config/
 * validators and reports exactly which tool (and version) checked the file.
 */
export const ValidatorIdSchema = z.enum(
  [
    'compose', // Docker Compose file: docker compose / docker-compose config
    'kubernetes', // Kubernetes manifests (multi-document YAML), custom resources included
    'helm-values', // values.yaml for a Helm chart, checked against the schema we keep for it
    'github-actions', // GitHub Actions workflow: actionlint
    'terraform', // Terraform/OpenTofu HCL: parse + project rules (pinned providers, no secrets)
    'python', // Python (Airflow DAGs, Feast, dlt): py_compile + AST rules
    'sql', // SQL in `dialect`: node-sql-parser
    'flink-sql', // Flink SQL: statement split + project rules
    'json', // JSON, optionally against `schema`
    'yaml', // YAML, optionally against `schema`
    'properties', // Java .properties (Trino, Kafka), optionally against `schema`
  ],
  {
    error:
      'expected one of compose, kubernetes, helm-values, github-actions, terraform, python, sql, flink-sql, json, yaml, properties',
  },
);
export type ValidatorId = z.infer<typeof ValidatorIdSchema>;

/** One file in a component's config folder. */
export const ConfigFileSchema = z.object({
  /** Path relative to the component's folder, e.g. "compose.yaml" or "dbt/models/silver/orders.sql". */
  path: z.string().min(1),
  /** Short title shown above the file, e.g. "Local quickstart". */
  title: z.string().min(1),
  /** What the file is for and what it assumes, one or two sentences. */
  description: z.string().min(1),
  /** Which validator checks it. */
  validator: ValidatorIdSchema,
  /** SQL dialect for the `sql` validator, e.g. "trino" or "postgresql". */
  dialect: z.string().optional(),
  /** Name of a JSON Schema kept in src/lib/config/schemas/ for json/yaml/properties/helm-values files. */
  schema: z.string().optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** content/configs/<component-id>/manifest.yaml: the folder's files and how to use them. */
export const ConfigManifestSchema = z.object({
  /** Page title, e.g. "Streaming ingestion: reference configs". */
  title: z.string().min(1),
  /** One sentence on what the folder gives a platform team. */
  summary: z.string().min(1),
  /** What must exist before these files work (clusters, secrets, versions). Default none. */
  assumes: z.array(z.string().min(1)).default([]),
  /** Exact commands to try the configs, in order. Default none. */
  run: z.array(z.string().min(1)).default([]),
  /** Every file in the folder except this manifest. */
  files: z.array(ConfigFileSchema).min(1),
});
export type ConfigManifest = z.infer<typeof ConfigManifestSchema>;
