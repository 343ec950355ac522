-- Zone layout for the lake: one namespace per zone in the `lake` Iceberg catalog (Trino).
-- Run with: trino --server http://localhost:8080 --catalog lake --file zones.sql
--
-- Rules these tables follow (see the data-storage chapter, "Zone contracts"):
--   landing  data exactly as received, append-only, short retention, not for analysts
--   bronze   typed and deduplicated history, long retention, replayable
--   silver   cleaned, conformed current state per business key, PII pseudonymised
--   gold     modelled for one consumer (BI, features), tested, with a freshness SLO
--   ops      control tables used by the promotion and erasure jobs
-- Tables are created here rather than by Flink, because Flink DDL cannot express hidden
-- partition transforms such as day(ts), and layout is a platform decision: the dbt models
-- that fill bronze, silver and gold repeat the same properties.

CREATE SCHEMA IF NOT EXISTS lake.landing;
CREATE SCHEMA IF NOT EXISTS lake.bronze;
CREATE SCHEMA IF NOT EXISTS lake.silver;
CREATE SCHEMA IF NOT EXISTS lake.silver_audit;
CREATE SCHEMA IF NOT EXISTS lake.gold;
CREATE SCHEMA IF NOT EXISTS lake.ops;

-- Landing: Debezium change events for sales.orders as written by the Flink job in
-- configs/stream-ingestion/kafka-to-iceberg.sql. Values stay as the source sent them
-- (decimals and zoned timestamps as strings); typing happens on promotion to bronze.
-- Format v2 on purpose: append-only apart from erasure deletes (maintenance.sql 5a), whose
-- position-delete files the purge rewrite (5b) folds in at once, and v2 is readable by every
-- engine that touches landing (Flink, Trino, Spark, DuckDB, Druid).
CREATE TABLE IF NOT EXISTS lake.landing.cdc_shop_orders (
  order_id        BIGINT COMMENT 'Primary key of sales.orders',
  customer_id     BIGINT,
  status          VARCHAR,
  amount          VARCHAR COMMENT 'NUMERIC(12,2) sent as a string (decimal.handling.mode=string)',
  currency        VARCHAR,
  created_at      VARCHAR COMMENT 'ISO-8601 timestamptz as sent by Debezium',
  updated_at      VARCHAR,
  change_op       VARCHAR COMMENT 'c = insert, u = update, d = delete, r = snapshot read',
  change_ts       TIMESTAMP(6) WITH TIME ZONE COMMENT 'Commit time in PostgreSQL',
  source_lsn      BIGINT COMMENT 'WAL position; orders changes to the same row',
  is_deleted      BOOLEAN,
  kafka_partition INTEGER,
  kafka_offset    BIGINT,
  ingested_at     TIMESTAMP(6) WITH TIME ZONE COMMENT 'When Flink wrote the row'
)
COMMENT 'Zone: landing. Source: PostgreSQL shop.sales.orders via Debezium. Retention: 21 days.'
WITH (
  format = 'PARQUET',
  format_version = 2,
  -- Partition by arrival day: retention deletes whole days as metadata-only operations and
  -- the promotion job reads only the days it has not processed yet.
  partitioning = ARRAY['day(ingested_at)']
);

-- Bronze, silver and gold orders are built by the dbt project in configs/etl-cluster (models
-- bronze_orders, silver_orders and gold_daily_revenue, aliased to the names below). The DDL
-- here fixes the layout the models' properties repeat, so layout is reviewed with the zone
-- contract; dbt then fills the tables incrementally.

-- Bronze: typed, deduplicated change history of orders. One row per (order_id, source_lsn).
-- This is the replayable record of the source: silver can always be rebuilt from it.
CREATE TABLE IF NOT EXISTS lake.bronze.orders (
  order_id     BIGINT NOT NULL,
  customer_id  BIGINT,
  status       VARCHAR,
  amount       DECIMAL(18, 2),
  currency     VARCHAR,
  created_at   TIMESTAMP(6) WITH TIME ZONE,
  updated_at   TIMESTAMP(6) WITH TIME ZONE,
  change_op    VARCHAR NOT NULL,
  change_ts    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  source_lsn   BIGINT NOT NULL,
  is_deleted   BOOLEAN NOT NULL,
  _ingested_at TIMESTAMP(6) WITH TIME ZONE COMMENT 'When Flink wrote the landing row',
  _loaded_at   TIMESTAMP(6) WITH TIME ZONE COMMENT 'When dbt promoted it to bronze'
)
COMMENT 'Zone: bronze. Grain: one row per order change. Retention: 3 years. Contains personal data via customer_id.'
WITH (
  format = 'PARQUET',
  format_version = 3,
  -- Hidden partitioning: queries filter on change_ts and Iceberg prunes by day without a
  -- separate date column. Late changes simply land in the older day.
  partitioning = ARRAY['day(change_ts)'],
  -- Within a file, rows sorted by key keep min/max statistics tight for key lookups.
  sorted_by = ARRAY['order_id']
);

-- Silver: current state of every order, maintained by MERGE from bronze. Deleted orders stay
-- as rows with is_deleted = true, so a delete in the source is visible downstream.
CREATE TABLE IF NOT EXISTS lake.silver.orders (
  order_id      BIGINT NOT NULL,
  customer_id   BIGINT NOT NULL,
  order_status  VARCHAR NOT NULL,
  order_amount  DECIMAL(18, 2) NOT NULL,
  currency_code VARCHAR NOT NULL,
  created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  is_deleted    BOOLEAN NOT NULL,
  _source_lsn   BIGINT NOT NULL COMMENT 'LSN of the change that produced this version',
  _ingested_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
)
COMMENT 'Zone: silver. Grain: one row per order_id. Freshness SLO: 90 minutes behind PostgreSQL. Contains personal data via customer_id.'
WITH (
  format = 'PARQUET',
  -- v3: MERGE and DELETE write one deletion vector per data file instead of piling up
  -- position-delete files, which keeps frequent merges and erasure deletes cheap.
  format_version = 3,
  partitioning = ARRAY['month(created_at)'],
  -- Sorted by the key most lookups and joins use, so min/max statistics prune by order_id.
  sorted_by = ARRAY['order_id'],
  -- customer_id is not the sort key, so min/max statistics cannot prune on it; a bloom filter
  -- lets erasure deletes and support lookups by customer skip most row groups.
  parquet_bloom_filter_columns = ARRAY['customer_id']
);

-- Silver audit: the write-audit-publish copy of silver orders. The etl-cluster dbt model
-- silver_orders__audit MERGEs into it, the silver tests run on it, and silver_orders MERGEs the
-- audited rows into lake.silver.orders only when they pass. No consumer reads it, but it holds
-- every order's customer_id, so it is created here with the zones and maintenance.sql
-- compacts, expires and erases it like silver. Layout as in the dbt model's properties.
CREATE TABLE IF NOT EXISTS lake.silver_audit.orders (
  order_id      BIGINT NOT NULL,
  customer_id   BIGINT NOT NULL,
  order_status  VARCHAR,
  order_amount  DECIMAL(18, 2) NOT NULL,
  currency_code VARCHAR NOT NULL,
  created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  is_deleted    BOOLEAN NOT NULL,
  _source_lsn   BIGINT COMMENT 'WAL position of the change that produced this version',
  _ingested_at  TIMESTAMP(6) WITH TIME ZONE COMMENT 'When Flink landed that change'
)
COMMENT 'Zone: silver (write-audit-publish audit copy, not for consumers). Grain: one row per order_id. Contains personal data via customer_id.'
WITH (
  format = 'PARQUET',
  format_version = 3,
  partitioning = ARRAY['month(created_at)'],
  sorted_by = ARRAY['order_id']
);

-- Silver: customers, loaded by the batch path. Direct identifiers never reach silver:
-- e-mail arrives hashed (keyed hash computed in the ETL job) and names stay in bronze only.
CREATE TABLE IF NOT EXISTS lake.silver.customers (
  customer_id  BIGINT NOT NULL,
  email_hash   VARCHAR COMMENT 'HMAC-SHA-256 of the normalised e-mail; key held in the secret store',
  country      VARCHAR,
  signup_date  DATE,
  _updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
)
COMMENT 'Zone: silver. Grain: one row per customer_id. Contains personal data.'
WITH (
  format = 'PARQUET',
  format_version = 3,
  -- Bucketing by the subject key means an erasure request touches one bucket, so the file
  -- rewrite that physically removes the rows stays small.
  partitioning = ARRAY['bucket(customer_id, 16)'],
  sorted_by = ARRAY['customer_id']
);

-- Gold: daily revenue mart for the BI cluster.
CREATE TABLE IF NOT EXISTS lake.gold.daily_revenue (
  order_date       DATE NOT NULL,
  currency_code    VARCHAR NOT NULL,
  orders_total     BIGINT NOT NULL,
  orders_cancelled BIGINT NOT NULL,
  revenue          DECIMAL(38, 2) NOT NULL,
  customers        BIGINT NOT NULL,
  _built_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
)
COMMENT 'Zone: gold. Consumer: BI dashboards. Grain: one row per day and currency. Freshness SLO: previous day complete by 06:00 UTC, rebuilt hourly.'
WITH (
  format = 'PARQUET',
  format_version = 3,
  partitioning = ARRAY['year(order_date)'],
  sorted_by = ARRAY['order_date', 'currency_code']
);

-- Gold: per-customer features for the feature store (offline store, point-in-time by as_of_date).
CREATE TABLE IF NOT EXISTS lake.gold.customer_order_features (
  customer_id           BIGINT NOT NULL,
  as_of_date            DATE NOT NULL,
  orders_30d            BIGINT NOT NULL,
  revenue_30d           DECIMAL(18, 2) NOT NULL,
  days_since_last_order INTEGER,
  _built_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL
)
COMMENT 'Zone: gold. Consumer: feature store. Grain: one row per customer and day. Contains personal data via customer_id.'
WITH (
  format = 'PARQUET',
  format_version = 3,
  partitioning = ARRAY['month(as_of_date)'],
  sorted_by = ARRAY['customer_id', 'as_of_date']
);

-- Ops: erasure requests (GDPR Article 17) queued by the privacy team, and the batch and file
-- records of the erasure DAG in configs/security/gdpr_erasure_dag.py, which applies them to
-- every table that holds a customer_id and proves the old files are gone. maintenance.sql
-- section 5 shows the same delete-and-rewrite steps in plain SQL.
CREATE TABLE IF NOT EXISTS lake.ops.erasure_requests (
  request_id   VARCHAR NOT NULL,
  subject_id   BIGINT NOT NULL COMMENT 'The customer_id to erase',
  status       VARCHAR NOT NULL COMMENT 'approved, in_progress or erased',
  received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  deleted_at   TIMESTAMP(6) WITH TIME ZONE COMMENT 'Rows deleted (invisible to queries)',
  purged_at    TIMESTAMP(6) WITH TIME ZONE COMMENT 'Files rewritten; old files leave storage at the next expiry after 7 days'
)
COMMENT 'Zone: ops. Control table for right-to-erasure processing.'
WITH (format = 'PARQUET', format_version = 2);

CREATE TABLE IF NOT EXISTS lake.ops.erasure_batches (
  batch_id    VARCHAR NOT NULL,
  subject_id  BIGINT NOT NULL,
  claimed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  erased_at   TIMESTAMP(6) WITH TIME ZONE COMMENT 'Set when no recorded file survives in any S3 version'
)
COMMENT 'Zone: ops. Erasure requests grouped into the batch that processed them.'
WITH (format = 'PARQUET', format_version = 2);

CREATE TABLE IF NOT EXISTS lake.ops.erasure_files (
  batch_id    VARCHAR NOT NULL,
  table_name  VARCHAR NOT NULL,
  file_path   VARCHAR NOT NULL COMMENT 'Data file that held a subject before the delete'
)
COMMENT 'Zone: ops. Files the erasure verification must find deleted in every version.'
WITH (format = 'PARQUET', format_version = 2);

-- Ops: one row per promotion check, so every silver or gold snapshot can be traced to the
-- checks it passed (see the promotion diagram in the chapter). Nothing in the reference configs
-- writes it yet: a dbt on-run-end hook inserting each test's result would.
CREATE TABLE IF NOT EXISTS lake.ops.promotion_audit (
  target_table VARCHAR NOT NULL,
  snapshot_id  BIGINT COMMENT 'Iceberg snapshot produced by the promotion, NULL if blocked',
  check_name   VARCHAR NOT NULL,
  passed       BOOLEAN NOT NULL,
  detail       VARCHAR,
  checked_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
)
COMMENT 'Zone: ops. Audit trail of zone promotions.'
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['month(checked_at)']
);
