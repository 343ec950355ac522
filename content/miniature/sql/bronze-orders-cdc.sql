-- Landing -> bronze, orders with --cdc: type the day's change log and keep every change once.
--   in:  landing_orders       the day's change log as landed, every column VARCHAR
--        bronze_orders        the published change history (empty on the first run)
--   out: bronze_orders_batch  the log, typed, exact duplicates removed (the gate checks it)
--        bronze_orders_new    changes bronze has not seen; only their partitions are rewritten
-- Bronze keeps the whole history: every intermediate version and every delete marker, each at
-- its position in the write-ahead log (lsn, and commit_lsn for the order of transactions).
CREATE TABLE IF NOT EXISTS bronze_orders (
  lsn          BIGINT,
  commit_lsn   BIGINT,
  op           VARCHAR,  -- c create, u update, d delete (key only)
  order_id     BIGINT,
  customer_id  BIGINT,
  status       VARCHAR,
  currency     VARCHAR,
  total_amount DECIMAL(12, 2),
  created_at   TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ,
  committed_at TIMESTAMPTZ,
  change_date  DATE  -- partition: the UTC day of the commit
);

CREATE OR REPLACE TABLE bronze_orders_batch AS
SELECT DISTINCT
  TRY_CAST(lsn AS BIGINT) AS lsn,
  TRY_CAST(commit_lsn AS BIGINT) AS commit_lsn,
  op,
  TRY_CAST(order_id AS BIGINT) AS order_id,
  TRY_CAST(customer_id AS BIGINT) AS customer_id,
  status,
  currency,
  TRY_CAST(total_amount AS DECIMAL(12, 2)) AS total_amount,
  TRY_CAST(created_at AS TIMESTAMPTZ) AS created_at,
  TRY_CAST(updated_at AS TIMESTAMPTZ) AS updated_at,
  TRY_CAST(committed_at AS TIMESTAMPTZ) AS committed_at,
  CAST(TRY_CAST(committed_at AS TIMESTAMPTZ) AS DATE) AS change_date
FROM landing_orders;

CREATE OR REPLACE TABLE bronze_orders_new AS
SELECT b.*
FROM bronze_orders_batch AS b
ANTI JOIN bronze_orders AS o USING (lsn);

INSERT INTO bronze_orders BY NAME
SELECT * FROM bronze_orders_new;
