-- Landing -> bronze, customers: type the extract and keep every distinct version once.
--   in:  landing_customers       this run's file as delivered, every column VARCHAR
--        bronze_customers        the published bronze table (empty on the first run)
--   out: bronze_customers_batch  the batch, typed, exact duplicates removed (the gate checks it)
--        bronze_customers_new    versions bronze has not seen
-- One file, not partitioned: the table is small, and partitioning it by day would scatter two
-- years of sign-ups over hundreds of tiny files, which costs more to read than it saves.
-- Rows carry no load timestamp on purpose: a version's bronze row is the same whichever run
-- delivered it first, so reruns and backfills write identical files. The run that delivered a
-- batch is in its landing manifest and in the lineage events.
CREATE TABLE IF NOT EXISTS bronze_customers (
  customer_id  BIGINT,
  email        VARCHAR,
  full_name    VARCHAR,
  country_code VARCHAR,
  created_at   TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ
);

CREATE OR REPLACE TABLE bronze_customers_batch AS
SELECT DISTINCT
  TRY_CAST(customer_id AS BIGINT) AS customer_id,
  email,
  full_name,
  country_code,
  TRY_CAST(created_at AS TIMESTAMPTZ) AS created_at,
  TRY_CAST(updated_at AS TIMESTAMPTZ) AS updated_at
FROM landing_customers;

CREATE OR REPLACE TABLE bronze_customers_new AS
SELECT b.*
FROM bronze_customers_batch AS b
ANTI JOIN bronze_customers AS o USING (customer_id, updated_at);

INSERT INTO bronze_customers BY NAME
SELECT * FROM bronze_customers_new;
