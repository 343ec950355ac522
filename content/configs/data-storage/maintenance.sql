-- Table maintenance for the lake (Trino). Scheduled by the orchestrator (Airflow):
--   hourly  : section 1 (compact the streaming landing table)
--   daily   : sections 2-4 (retention, compaction, snapshot expiry, orphan files, statistics)
--   erasure : section 5, the plain-SQL form of what the security chapter's gdpr_erasure DAG
--             runs (it adds batch tracking and proof that the old files are gone)
-- Run with: trino --server http://localhost:8080 --catalog lake --file maintenance.sql
-- One statement per task in the DAG, so a failed step is visible and retried on its own.

-- Iceberg's day/month transforms are computed in UTC; predicates below use current_date,
-- so the session must be UTC for them to line up with partition boundaries.
SET TIME ZONE 'UTC';

-- 1. Streaming landing table: the Flink job commits files on every checkpoint (every
--    minute), so compact the last two days hourly. Files above 64 MB are left alone.
ALTER TABLE lake.landing.cdc_shop_orders EXECUTE optimize(file_size_threshold => '64MB')
WHERE ingested_at >= current_date - INTERVAL '1' DAY;

-- 2. Retention. Landing keeps 21 days; deleting whole days is a metadata-only operation
--    because the predicate matches the day(ingested_at) partitioning.
DELETE FROM lake.landing.cdc_shop_orders
WHERE ingested_at < current_date - INTERVAL '21' DAY;

-- 3. Compaction of the tables the ETL cluster writes. Small MERGE outputs and deletion
--    vectors are folded into full-size files. lake.silver_audit.orders is silver's
--    write-audit-publish copy (zones.sql): merged into as often as silver, and as personal.
ALTER TABLE lake.bronze.orders EXECUTE optimize(file_size_threshold => '128MB')
WHERE change_ts >= current_date - INTERVAL '7' DAY;
ALTER TABLE lake.silver.orders EXECUTE optimize(file_size_threshold => '128MB');
ALTER TABLE lake.silver_audit.orders EXECUTE optimize(file_size_threshold => '128MB');
ALTER TABLE lake.silver.customers EXECUTE optimize(file_size_threshold => '128MB');

-- 4. Snapshot expiry and orphan files. Seven days of time travel is the rollback window for
--    a bad promotion; the catalog properties refuse anything shorter. remove_orphan_files
--    deletes files no snapshot references (failed writes, aborted commits).
ALTER TABLE lake.landing.cdc_shop_orders EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.bronze.orders EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.silver.orders EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.silver_audit.orders EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.silver.customers EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.gold.daily_revenue EXECUTE expire_snapshots(retention_threshold => '7d');
ALTER TABLE lake.gold.customer_order_features EXECUTE expire_snapshots(retention_threshold => '7d');

ALTER TABLE lake.landing.cdc_shop_orders EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.bronze.orders EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.silver.orders EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.silver_audit.orders EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.silver.customers EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.gold.daily_revenue EXECUTE remove_orphan_files(retention_threshold => '7d');
ALTER TABLE lake.gold.customer_order_features EXECUTE remove_orphan_files(retention_threshold => '7d');

-- Column statistics (NDV sketches in Puffin files) for the cost-based optimiser.
ANALYZE lake.silver.orders;
ANALYZE lake.silver.customers;

-- 5. Right to erasure. Step a hides the rows from every query at once; step b rewrites the
--    files that still contain the deleted bytes; the next daily expiry (section 4) then
--    deletes the old files for good. In production the gdpr_erasure DAG (security configs)
--    runs these steps for approved requests, records the affected files and verifies after
--    the expiry and noncurrent-version windows that none survives.
-- 5a. Delete the subjects' rows wherever customer_id appears (landing ages out in 21 days
--     but is deleted too, so no copy outlives the request by more than the expiry window).
DELETE FROM lake.landing.cdc_shop_orders
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
DELETE FROM lake.bronze.orders
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
DELETE FROM lake.silver.orders
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
DELETE FROM lake.silver_audit.orders
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
DELETE FROM lake.silver.customers
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
DELETE FROM lake.gold.customer_order_features
WHERE customer_id IN (SELECT subject_id FROM lake.ops.erasure_requests WHERE status = 'approved');
UPDATE lake.ops.erasure_requests SET status = 'in_progress', deleted_at = current_timestamp
WHERE status = 'approved';

-- 5b. Rewrite so the deleted rows leave the data files. In Trino 483 optimize skips a file for
--     its size only when no delete applies to it (IcebergSplitSource.pruneFileScanTask): a file
--     with a deletion vector or position deletes is rewritten whatever its size, and a file
--     without one only when it is under file_size_threshold and its partition has another
--     file to merge with. A threshold of one byte therefore rewrites exactly the files that 5a
--     left deletes on, in tables of any size, bronze included, with no list of paths (read in
--     the 483 source, not run here). Every table 5a deleted from is rewritten, or purged_at
--     below would claim more than happened. The erasure DAG also records each subject's
--     "$path" before 5a (ops.erasure_files) to prove afterwards that those files are gone.
--     Bucketing or sorting by the subject key keeps the rewritten files few; in the silver
--     tables, which MERGE leaves deletion vectors in every hour, this also rewrites the files
--     those carry, work the daily compaction would otherwise do.
ALTER TABLE lake.landing.cdc_shop_orders EXECUTE optimize(file_size_threshold => '1B');
ALTER TABLE lake.bronze.orders EXECUTE optimize(file_size_threshold => '1B');
ALTER TABLE lake.silver.customers EXECUTE optimize(file_size_threshold => '1B');
ALTER TABLE lake.silver.orders EXECUTE optimize(file_size_threshold => '1B');
ALTER TABLE lake.silver_audit.orders EXECUTE optimize(file_size_threshold => '1B');
ALTER TABLE lake.gold.customer_order_features EXECUTE optimize(file_size_threshold => '1B');
UPDATE lake.ops.erasure_requests SET purged_at = current_timestamp
WHERE status = 'in_progress' AND purged_at IS NULL;
