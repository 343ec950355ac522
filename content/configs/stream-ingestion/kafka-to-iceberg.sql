-- Flink SQL job: Debezium change events for sales.orders from Kafka to
--   1. the Iceberg landing table lake.landing.cdc_shop_orders (every structurally valid event),
--   2. the dead-letter topic dlq.cdc.shop.sales.orders (events that break the contract),
--   3. the clean real-time topic rt.shop.orders that Druid ingests,
--   4. a per-minute order count on ops.shop.orders_per_minute (event time, watermarks).
-- All four run as one job in one statement set, so they share one consistent checkpoint.
-- Submit with: sql-client.sh -f kafka-to-iceberg.sql   (Flink 2.1, Iceberg 1.11 runtime)
-- The landing table is created by configs/data-storage/zones.sql, not here.

-- Job settings --------------------------------------------------------------------------------
SET 'pipeline.name' = 'cdc-shop-orders';
SET 'execution.runtime-mode' = 'streaming';
-- Iceberg commits data files when a checkpoint completes, so the interval is the lake's
-- freshness and also sets the file count: one checkpoint a minute with two writers is about
-- 2,900 files per day before compaction, 8,600 at the six writers the production autoscaler
-- may reach (see data-storage maintenance.sql).
SET 'execution.checkpointing.interval' = '60s';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'execution.checkpointing.min-pause' = '20s';
SET 'execution.checkpointing.timeout' = '5min';
SET 'execution.checkpointing.tolerable-failed-checkpoints' = '3';
-- Keep the last checkpoint when the job is cancelled, so it can be restarted from it.
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
-- A partition with no traffic must not hold back the watermark of the whole job.
SET 'table.exec.source.idle-timeout' = '30s';

-- Catalog: the Lakekeeper REST catalog from the data-storage quickstart ------------------------
CREATE CATALOG lake WITH (
  'type' = 'iceberg',
  'catalog-type' = 'rest',
  'uri' = 'http://lakekeeper:8181/catalog',
  'warehouse' = 'lake',
  'io-impl' = 'org.apache.iceberg.aws.s3.S3FileIO',
  's3.endpoint' = 'http://rustfs:9000',
  's3.path-style-access' = 'true',
  'client.region' = 'us-east-1'
);

-- Source: the Debezium topic. ExtractNewRecordState flattened each change event to the row
-- plus __op, __source_ts_ms, __source_lsn and __deleted, so this is an append-only stream and
-- the lake receives a change log, not upserts.
CREATE TEMPORARY TABLE orders_cdc (
  order_id BIGINT,
  customer_id BIGINT,
  status STRING,
  amount STRING,
  currency STRING,
  created_at STRING,
  updated_at STRING,
  `__op` STRING,
  `__source_ts_ms` BIGINT,
  `__source_lsn` BIGINT,
  `__deleted` STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  -- Event time is the commit time in PostgreSQL, not the time Kafka saw the record.
  change_ts AS TO_TIMESTAMP_LTZ(`__source_ts_ms`, 3),
  -- Five minutes of allowed lateness for the windowed aggregate below. Late events are still
  -- written to the lake; only the real-time window ignores them.
  WATERMARK FOR change_ts AS change_ts - INTERVAL '5' MINUTE
) WITH (
  'connector' = 'kafka',
  'topic' = 'cdc.shop.sales.orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'flink-cdc-shop-orders',
  -- Connect writes with exactly-once source support (transactions): read committed data only.
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'group-offsets',
  'properties.auto.offset.reset' = 'earliest',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = 'http://apicurio:8080/apis/ccompat/v7'
);

-- Contract checks, computed once. A structural error means the event cannot be trusted as a
-- change record at all (dead-letter it); a business error means the row is a real change but
-- not clean enough for real-time consumers (it still lands; promotion to bronze decides).
CREATE TEMPORARY VIEW orders_checked AS
SELECT
  *,
  CASE
    WHEN order_id IS NULL THEN 'missing primary key'
    WHEN `__op` IS NULL OR `__op` NOT IN ('c', 'u', 'd', 'r') THEN 'unknown operation'
    WHEN `__source_ts_ms` IS NULL THEN 'missing source timestamp'
  END AS structural_error,
  CASE
    WHEN `__deleted` = 'true' THEN CAST(NULL AS STRING)
    WHEN TRY_CAST(amount AS DECIMAL(18, 2)) IS NULL THEN 'amount is not a decimal'
    WHEN TRY_CAST(amount AS DECIMAL(18, 2)) < 0 THEN 'negative amount'
    WHEN currency IS NULL OR CHAR_LENGTH(currency) <> 3 THEN 'invalid currency'
  END AS business_error
FROM orders_cdc;

-- Sinks -----------------------------------------------------------------------------------------
CREATE TEMPORARY TABLE orders_dlq (
  order_id BIGINT,
  kafka_partition INT,
  kafka_offset BIGINT,
  error STRING,
  raw_op STRING,
  raw_source_ts_ms BIGINT,
  failed_at TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'dlq.cdc.shop.sales.orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'cdc-shop-orders-dlq',
  -- How long the job may be down before the broker aborts its open transaction and that
  -- output is lost. It must not exceed the broker's transaction.max.timeout.ms (default 15
  -- minutes, raised to one hour in compose.yaml and kafka-cluster.yaml).
  'properties.transaction.timeout.ms' = '3600000'
);

CREATE TEMPORARY TABLE orders_rt (
  order_id BIGINT,
  customer_id BIGINT,
  status STRING,
  amount DECIMAL(18, 2),
  currency STRING,
  change_op STRING,
  change_ts TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'rt.shop.orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  -- Keyed by order so all versions of one order stay in order on one partition.
  'key.format' = 'json',
  'key.fields' = 'order_id',
  'value.format' = 'json',
  'value.fields-include' = 'ALL',
  'value.json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'cdc-shop-orders-rt',
  'properties.transaction.timeout.ms' = '3600000'
);

CREATE TEMPORARY TABLE orders_per_minute (
  window_start TIMESTAMP_LTZ(3),
  window_end TIMESTAMP_LTZ(3),
  currency STRING,
  new_orders BIGINT,
  new_amount DECIMAL(38, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = 'ops.shop.orders_per_minute',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'cdc-shop-orders-ops',
  'properties.transaction.timeout.ms' = '3600000'
);

-- One job, four outputs ---------------------------------------------------------------------------
EXECUTE STATEMENT SET
BEGIN

-- 1. Landing: append-only change log. distribution-mode none: each writer keeps its own files,
--    because hashing on a day partition would funnel all of today's rows into one writer.
INSERT INTO lake.landing.cdc_shop_orders /*+ OPTIONS('distribution-mode' = 'none', 'write-parallelism' = '2') */
SELECT
  order_id,
  customer_id,
  status,
  amount,
  currency,
  created_at,
  updated_at,
  `__op`,
  change_ts,
  `__source_lsn`,
  `__deleted` = 'true',
  kafka_partition,
  kafka_offset,
  CURRENT_TIMESTAMP
FROM orders_checked
WHERE structural_error IS NULL;

-- 2. Dead letters: enough to find the original record (partition and offset) and the reason.
INSERT INTO orders_dlq
SELECT order_id, kafka_partition, kafka_offset, structural_error, `__op`, `__source_ts_ms`, CURRENT_TIMESTAMP
FROM orders_checked
WHERE structural_error IS NOT NULL;

-- 3. Real-time topic: clean, typed rows only; deletes are sent as status 'deleted' so the
--    real-time cluster can drop the order from current-state views.
INSERT INTO orders_rt
SELECT
  order_id,
  customer_id,
  CASE WHEN `__deleted` = 'true' THEN 'deleted' ELSE status END,
  TRY_CAST(amount AS DECIMAL(18, 2)),
  currency,
  `__op`,
  change_ts
FROM orders_checked
WHERE structural_error IS NULL AND business_error IS NULL;

-- 4. New orders per minute of event time. A window closes when the watermark passes its end;
--    events later than that are left out of this aggregate but are in the lake (output 1).
INSERT INTO orders_per_minute
SELECT
  window_start,
  window_end,
  currency,
  COUNT(*),
  SUM(CAST(amount AS DECIMAL(18, 2)))
FROM TABLE(TUMBLE(TABLE orders_checked, DESCRIPTOR(change_ts), INTERVAL '1' MINUTE))
WHERE structural_error IS NULL AND business_error IS NULL AND `__op` = 'c'
GROUP BY window_start, window_end, currency;

END;
