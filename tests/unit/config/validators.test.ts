// Every validator rejects its bad-input fixture, naming the file, the line and the problem.
import { describe, expect, test } from 'vitest';
import { runFixtures } from './helpers.ts';

describe('kubernetes validator', () => {
  test('rejects wrong types, unpinned images, removed APIs, unknown kinds and bad custom resources', async () => {
    const { lines, report } = await runFixtures(['kubernetes-bad']);
    expect(report.results[0]!.tools.map((t) => t.name)).toEqual([
      'yaml',
      'kubernetes-models',
      'ajv',
    ]);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:6  document 1: Deployment "api": spec.replicas: is "two"; expected integer",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:15  document 1: Deployment "api": image "ghcr.io/example/api:latest" is not pinned; name a version tag or a digest, not "latest"",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:17  document 1: Deployment "api": spec.template.spec.containers[0].ports[0].containerPort: is "8080"; expected integer",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:19  document 2: CronJob "nightly": apiVersion "batch/v1beta1" is removed in 1.25; use batch/v1",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:26  document 3: Servise "api": kind "Servise" does not exist in v1. Kinds there: Binding, ComponentStatus, ConfigMap, Endpoints, Event, LimitRange, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, PodTemplate, ReplicationController, ResourceQuota, Secret, Service, ServiceAccount",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:32  document 4: ConfigMap "?": metadata.name: missing; every object needs a name",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:43  document 5: InferenceService "scorer": spec.predictor.model: unknown field "runtimeVersoin"; did you mean "runtimeVersion"?; allowed: args, command, confidential, env, envFrom, image, imagePullPolicy, lifecycle, livenessProbe, modelFormat, name, ports, protocolVersion, readinessProbe, resizePolicy, resources, restartPolicy, restartPolicyRules, runtime, runtimeVersion, securityContext, startupProbe, stdin, stdinOnce, storage, storageUri, terminationMessagePath, terminationMessagePolicy, tty, volumeDevices, volumeMounts, workingDir",
        "tests/fixtures/configs/kubernetes-bad/manifests.yaml:45  document 6: Widget "w": no CRD schema for example.com/v1 Widget: it is neither a built-in API version nor a custom resource we derive from its operator's CRD. Custom resources we check: argoproj.io/v1alpha1 AppProject, argoproj.io/v1alpha1 Application, external-secrets.io/v1 ExternalSecret, external-secrets.io/v1 SecretStore, flink.apache.org/v1beta1 FlinkDeployment, flink.apache.org/v1beta1 FlinkSessionJob, gateway.networking.k8s.io/v1 HTTPRoute, gateway.networking.k8s.io/v1 ReferenceGrant, gateway.networking.k8s.io/v1beta1 HTTPRoute, gateway.networking.k8s.io/v1beta1 ReferenceGrant, kafka.strimzi.io/v1 Kafka, kafka.strimzi.io/v1 KafkaConnect, kafka.strimzi.io/v1 KafkaConnector, kafka.strimzi.io/v1 KafkaNodePool, kafka.strimzi.io/v1 KafkaTopic, kafka.strimzi.io/v1 KafkaUser, karpenter.k8s.aws/v1 EC2NodeClass, karpenter.sh/v1 NodePool, monitoring.coreos.com/v1 PodMonitor, monitoring.coreos.com/v1 PrometheusRule, serving.kserve.io/v1beta1 InferenceService. Add a module under scripts/lib/schema-sources/ and run scripts/refresh-schemas.ts",
      ]
    `);
  });
});

describe('helm-values validator', () => {
  test('rejects values that break the chart schema and says the chart is not rendered', async () => {
    const { lines, report } = await runFixtures(['helm-values-bad']);
    expect(report.results[0]!.limits).toContain(
      'chart templates not rendered: no helm binary offline, so only the values are checked',
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/helm-values-bad/airflow-values.yaml:1  missing required field "data" (with the bundled PostgreSQL disabled, data.metadataSecretName or data.metadataConnection must point at the metadata database)",
        "tests/fixtures/configs/helm-values-bad/airflow-values.yaml:1  defaultAirflowTag: is "latest"; expected an image tag other than latest",
        "tests/fixtures/configs/helm-values-bad/airflow-values.yaml:2  executor: is "FooExecutor"; expected an executor name, or a comma-separated list (multiple executors, Airflow 2.10+)",
        "tests/fixtures/configs/helm-values-bad/airflow-values.yaml:9  scheduler.resources.requests.cpu: is "one"; expected number or a Kubernetes quantity such as 500m or 2Gi",
      ]
    `);
  });
});

describe('github-actions validator', () => {
  test('reports actionlint findings, misspelt and missing action inputs (tag or SHA pins) with their line, and accepts current runner labels', async () => {
    const { lines, report } = await runFixtures(['github-actions-bad']);
    expect(report.results[0]!.limits.join('\n')).toContain(
      'inputs not checked (no input list for this action or release): actions/checkout@v4',
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/github-actions-bad/workflows/ci.yml:12  input "fetch-dept" is not an input of actions/checkout v7.0.1; nearest input: "fetch-depth"",
        "tests/fixtures/configs/github-actions-bad/workflows/ci.yml:13  aws-actions/configure-aws-credentials v6.2.3 requires input "aws-region", which this step does not set",
        "tests/fixtures/configs/github-actions-bad/workflows/ci.yml:15  input "role-to-asume" is not an input of aws-actions/configure-aws-credentials v6.2.3; nearest input: "role-to-assume"",
        "tests/fixtures/configs/github-actions-bad/workflows/ci.yml:16  property "nope" is not defined in object type {} [actionlint expression]",
        "tests/fixtures/configs/github-actions-bad/workflows/ci.yml:17  job "deploy" needs job "buidl" which does not exist in this workflow [actionlint job-needs]",
      ]
    `);
    expect(lines.join('\n')).not.toContain('ubuntu-24.04');
  });
});

describe('terraform validator', () => {
  test('rejects syntax errors, unpinned providers and modules, and hard-coded secrets', async () => {
    const { lines } = await runFixtures(['terraform-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/terraform-bad/main.tf  module tests/fixtures/configs/terraform-bad/ sets no terraform { required_version }; add e.g. ">= 1.10, < 2.0"",
        "tests/fixtures/configs/terraform-bad/main.tf:14  variable "db_password" holds a credential but is not marked sensitive = true",
        "tests/fixtures/configs/terraform-bad/main.tf:18  provider "aws" is used but not in required_providers of tests/fixtures/configs/terraform-bad/; declare its source and version",
        "tests/fixtures/configs/terraform-bad/main.tf:22  "password" holds a hard-coded value; read it from a sensitive variable or a secret store",
        "tests/fixtures/configs/terraform-bad/main.tf:25  module "vpc" uses registry source "terraform-aws-modules/vpc/aws" without a version; pin one, e.g. version = "~> 21.0"",
        "tests/fixtures/configs/terraform-bad/module/main.tf:2  not valid HCL: Invalid expression; Expected the start of an expression, but found an invalid expression token.",
      ]
    `);
  });
});

describe('terraform validator on a single root module', () => {
  const root = 'tests/fixtures/configs/terraform-modules/envs/prod/main.tf';

  test('resolves the local modules a root calls from disk, so a --files run on the root checks its module inputs and outputs', async () => {
    const { lines } = await runFixtures(['terraform-modules'], { files: [root] });
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:5  module "buckets": missing required input "bucket_prefix" (a variable of ../../modules/buckets without a default)",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:8  module "buckets": input "bucket_prefx" is not a variable of ../../modules/buckets; nearest variable: "bucket_prefix"",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:11  module "missing": source ../../modules/missing holds no .tf file that parses (tests/fixtures/configs/terraform-modules/modules/missing); point it at the module's folder",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:16  module.buckets.bucket_arn: "bucket_arn" is not an output of ../../modules/buckets; nearest output: "bucket_arns"",
      ]
    `);
  });

  test('reports the problems of a called module only when that module is checked', async () => {
    const { lines } = await runFixtures(['terraform-modules']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:5  module "buckets": missing required input "bucket_prefix" (a variable of ../../modules/buckets without a default)",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:8  module "buckets": input "bucket_prefx" is not a variable of ../../modules/buckets; nearest variable: "bucket_prefix"",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:11  module "missing": source ../../modules/missing holds no .tf file that parses (tests/fixtures/configs/terraform-modules/modules/missing); point it at the module's folder",
        "tests/fixtures/configs/terraform-modules/envs/prod/main.tf:16  module.buckets.bucket_arn: "bucket_arn" is not an output of ../../modules/buckets; nearest output: "bucket_arns"",
        "tests/fixtures/configs/terraform-modules/modules/buckets/main.tf:9  module "names": missing required input "environment" (a variable of ../names without a default)",
      ]
    `);
  });
});

describe('python validator', () => {
  test('rejects files that do not compile and DAGs that break the Airflow rules', async () => {
    const { lines, report } = await runFixtures(['python-bad']);
    expect(report.results.map((r) => r.status)).toEqual(['checked', 'checked']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/python-bad/orders_dag.py:6  top-level call Variable.get() reads the metadata database (in operator arguments use the template {{ var.value.<key> }}) on every DAG parse; move it into a task",
        "tests/fixtures/configs/python-bad/orders_dag.py:7  "api_token" holds a hard-coded value; read it from a Connection, Variable or secret store",
        "tests/fixtures/configs/python-bad/orders_dag.py:9  DAG id "orders daily" must be 1-250 letters, digits, "_", "." or "-"",
        "tests/fixtures/configs/python-bad/orders_dag.py:9  "schedule_interval" was removed in Airflow 3; use "schedule"",
        "tests/fixtures/configs/python-bad/orders_dag.py:9  top-level datetime.now() gives a moving date; use a fixed start_date such as pendulum.datetime(2026, 1, 1, tz="UTC")",
        "tests/fixtures/configs/python-bad/orders_dag.py:15  DAG id "orders_hourly" is defined twice (first on line 12)",
        "tests/fixtures/configs/python-bad/broken.py:1  does not compile: SyntaxError: '(' was never closed",
      ]
    `);
  });
});

describe('sql validator', () => {
  test('rejects syntax errors and bad Trino extensions, and parses dbt models both ways', async () => {
    const { lines, report } = await runFixtures(['sql-bad']);
    expect(report.results[1]!.checks.join('\n')).toContain(
      'parsed both as an incremental run and as a full refresh',
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/sql-bad/zones.sql:4  SQL syntax error: 'SELEC' is not valid at this position, expecting a keyword (dt-sql-parser <v> TrinoSQL grammar)",
        "tests/fixtures/configs/sql-bad/zones.sql:6  table property "partitioning" is not written as name = value",
        "tests/fixtures/configs/sql-bad/zones.sql:7  SQL syntax error: ')' is not valid at this position, expecting a keyword (dt-sql-parser <v> TrinoSQL grammar)",
        "tests/fixtures/configs/sql-bad/zones.sql:9  unknown table procedure "compact"; Trino's Iceberg connector has optimize, optimize_manifests, drop_extended_stats, rollback_to_snapshot, expire_snapshots, remove_orphan_files, add_files, add_files_from_table",
        "tests/fixtures/configs/sql-bad/zones.sql:12  unknown table procedure "rollback_to_snapshots"; nearest valid: "rollback_to_snapshot"; Trino's Iceberg connector has optimize, optimize_manifests, drop_extended_stats, rollback_to_snapshot, expire_snapshots, remove_orphan_files, add_files, add_files_from_table",
        "tests/fixtures/configs/sql-bad/dbt/silver_orders.sql:6  SQL syntax error: 'and' is not valid at this position, expecting an existing function or an existing column or a keyword (dt-sql-parser <v> TrinoSQL grammar) (incremental run)",
        "tests/fixtures/configs/sql-bad/dbt/silver_orders.sql:8  {% for %} is never closed",
      ]
    `);
  });
});

describe('flink-sql validator', () => {
  test('rejects bad SET syntax, table definitions, connector options and unparseable queries', async () => {
    const { lines } = await runFixtures(['flink-sql-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/flink-sql-bad/job.sql:1  SQL syntax error: '.' is not valid at this position, expecting a keyword (dt-sql-parser <v> FlinkSQL grammar)",
        "tests/fixtures/configs/flink-sql-bad/job.sql:1  SET must be written SET 'key' = 'value'; (both quoted)",
        "tests/fixtures/configs/flink-sql-bad/job.sql:5  SQL syntax error: 'DECIMALS' is not valid at this position, expecting a new column or a keyword (dt-sql-parser <v> FlinkSQL grammar)",
        "tests/fixtures/configs/flink-sql-bad/job.sql:5  column "amount": unknown type DECIMALS; Flink types are CHAR, VARCHAR, STRING, BOOLEAN, BINARY, VARBINARY, BYTES, DECIMAL, DEC, NUMERIC, TINYINT, SMALLINT, INT, INTEGER, BIGINT, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL, ARRAY, MAP, MULTISET, ROW, RAW, VARIANT",
        "tests/fixtures/configs/flink-sql-bad/job.sql:7  WATERMARK FOR event_time: no column "event_time" is declared before it",
        "tests/fixtures/configs/flink-sql-bad/job.sql:8  PRIMARY KEY must be declared NOT ENFORCED in Flink",
        "tests/fixtures/configs/flink-sql-bad/job.sql:9  CREATE TABLE orders: the kafka connector needs 'topic' or 'topic-pattern'",
        "tests/fixtures/configs/flink-sql-bad/job.sql:9  CREATE TABLE orders: 'scan.startup.mode' = 'group-offsets' needs 'properties.group.id'",
        "tests/fixtures/configs/flink-sql-bad/job.sql:16  CREATE TABLE sink: WITH (...) has no 'connector'",
        "tests/fixtures/configs/flink-sql-bad/job.sql:18  INSERT INTO missing_table: no such table or catalog is created in this file (tables: orders, sink; catalogs: none)",
        "tests/fixtures/configs/flink-sql-bad/job.sql:20  statement does not end with ";"; the SQL client needs one after every statement",
        "tests/fixtures/configs/flink-sql-bad/job.sql:20  SQL syntax error at the end of the statement (node-sql-parser <v>, flinksql grammar)",
      ]
    `);
  });
});

describe('json validator', () => {
  test('points at the line where JSON breaks and reports schema violations', async () => {
    const { lines } = await runFixtures(['json-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/json-bad/broken.json:3  not valid JSON: expected another element after the comma (trailing commas are not JSON), found "]"",
        "tests/fixtures/configs/json-bad/s3-lifecycle.json:5  Rules[0].Status: is "enabled"; expected one of "Enabled", "Disabled"",
        "tests/fixtures/configs/json-bad/s3-lifecycle.json:7  Rules[0].Expiration.Days: is 0; must be >= 1",
        "tests/fixtures/configs/json-bad/s3-lifecycle.json:9  Rules[1]: needs at least one of "Expiration", "Transitions", "NoncurrentVersionTransitions", "NoncurrentVersionExpiration", "AbortIncompleteMultipartUpload"",
        "tests/fixtures/configs/json-bad/s3-lifecycle.json:13  Rules[1]: unknown field "Transition"; did you mean "Transitions"?; allowed: ID, Status, Filter, Prefix, Expiration, Transitions, NoncurrentVersionTransitions, NoncurrentVersionExpiration, AbortIncompleteMultipartUpload",
      ]
    `);
  });
});

describe('yaml validator', () => {
  test('rejects duplicate keys and schema violations', async () => {
    const { lines } = await runFixtures(['yaml-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/yaml-bad/duplicate.yaml:3  not valid YAML: Map keys must be unique",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:1  name: is "Lakehouse"; expected lower-case letters, digits and underscores",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:2  config-version: is 1; expected 2",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:4  tests: not allowed: renamed data_tests in dbt 1.8",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:9  models.lakehouse.+materialized: is "tabel"; expected one of "table", "view", "incremental", "ephemeral", "materialized_view", "snapshot", "seed", "test"",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:9  models.lakehouse.+materialized: is "tabel"; expected one of "snapshot", "seed", "view", "table", "incremental", "materialized_view", "external", "test", "ephemeral", "unit", "analysis", "function" or one of "streaming_table" or one of "dynamic_table" or one of "inline" or object",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:11  models.lakehouse.silver.+incremental_strategy: is "upsert"; expected one of "append", "merge", "delete+insert", "insert_overwrite", "microbatch"",
        "tests/fixtures/configs/yaml-bad/dbt_project.yml:11  models.lakehouse.silver.+incremental_strategy: is "upsert"; expected one of "append", "merge", "delete+insert", "insert_overwrite", "microbatch" or one of "replace_where" or one of "legacy" or object",
      ]
    `);
  });
});

describe('properties validator', () => {
  test('rejects duplicate keys, literal credentials and schema violations', async () => {
    const { lines } = await runFixtures(['properties-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/properties-bad/lake.properties  missing required field "iceberg.rest-catalog.uri" (iceberg.catalog.type=rest needs the catalog's URI)",
        "tests/fixtures/configs/properties-bad/lake.properties:4  "s3.aws-secret-key" holds a literal credential; reference it instead (Trino: \${ENV:NAME}, Druid: {"type":"environment","variable":"NAME"})",
        "tests/fixtures/configs/properties-bad/lake.properties:5  "iceberg.file-format" is set twice (first on line 3); the JVM silently keeps the last value",
        "tests/fixtures/configs/properties-bad/lake.properties:6  "iceberg.expire_snapshots.min-retention" is a legacy name in Trino 483; use "iceberg.expire-snapshots.min-retention"",
        "tests/fixtures/configs/properties-bad/lake.properties:6  iceberg.expire_snapshots.min-retention: not allowed: renamed in Trino 464: use iceberg.expire-snapshots.min-retention / iceberg.remove-orphan-files.min-retention",
      ]
    `);
  });
});

describe('credential scan', () => {
  test('runs on every file whatever its validator', async () => {
    const { lines } = await runFixtures(['credentials-bad']);
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/credentials-bad/env.yaml:2  looks like an AWS access key id; never commit credentials, reference a secret store instead",
      ]
    `);
  });
});
