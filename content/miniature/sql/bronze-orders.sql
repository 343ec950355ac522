-- Landing -> bronze, orders: type the extract and keep every distinct order version once.
--   in:  landing_orders       this run's file as delivered, every column VARCHAR, with the
--                             columns of one reviewed contract version (the gate checked)
--        bronze_orders        the published bronze table (empty on the first run)
--   out: bronze_orders_batch  the batch, typed, exact duplicates removed (the gate checks it)
--        bronze_orders_new    versions bronze has not seen; only their partitions are rewritten
-- Exact duplicates come from the connector re-sending a page and from the four-hour overlap of
-- consecutive extraction windows. Two rows with the same key and different values are not
-- duplicates but a conflict: DISTINCT keeps both and the gate's uniqueness check stops the batch.
CREATE TABLE IF NOT EXISTS bronze_orders (
  order_id     BIGINT,
  customer_id  BIGINT,
  status       VARCHAR,
  currency     VARCHAR,
  total_amount DECIMAL(12, 2),
  created_at   TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ,
  channel      VARCHAR,  -- contract 1.1.0; NULL for orders landed before the column existed
  change_date  DATE  -- partition: the UTC day of updated_at
);

-- A batch landed under contract 1.0.0 has no channel column. A union by name with an empty
-- relation that has it gives every batch the newest version's columns, NULL where absent.
CREATE OR REPLACE TEMP VIEW landing_orders_conformed AS
SELECT * FROM landing_orders
UNION ALL BY NAME
SELECT CAST(NULL AS VARCHAR) AS channel WHERE false;

CREATE OR REPLACE TABLE bronze_orders_batch AS
SELECT DISTINCT
  TRY_CAST(order_id AS BIGINT) AS order_id,
  TRY_CAST(customer_id AS BIGINT) AS customer_id,
  status,
  currency,
  TRY_CAST(total_amount AS DECIMAL(12, 2)) AS total_amount,
  TRY_CAST(created_at AS TIMESTAMPTZ) AS created_at,
  TRY_CAST(updated_at AS TIMESTAMPTZ) AS updated_at,
  channel,
  CAST(TRY_CAST(updated_at AS TIMESTAMPTZ) AS DATE) AS change_date
FROM landing_orders_conformed;

CREATE OR REPLACE TABLE bronze_orders_new AS
SELECT b.*
FROM bronze_orders_batch AS b
ANTI JOIN bronze_orders AS o USING (order_id, updated_at);

INSERT INTO bronze_orders BY NAME
SELECT * FROM bronze_orders_new;
