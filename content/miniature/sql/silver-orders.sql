-- Bronze -> silver, orders: one row per order, current state, conformed, maintained by an
-- incremental MERGE of this run's changes.
--   in:  bronze_orders_batch   this run's versions (typed in bronze)
--        silver_orders         the published silver table (empty on the first run)
--   out: silver_orders_applied the changes that won; gold recomputes only their order dates
-- Conforming: the legacy checkout writes statuses like ' PAID' and currencies like 'eur'.
CREATE TABLE IF NOT EXISTS silver_orders (
  order_id    BIGINT,
  customer_id BIGINT,
  status      VARCHAR,
  currency    VARCHAR,
  amount      DECIMAL(12, 2),
  order_date  DATE,
  created_at  TIMESTAMPTZ,
  updated_at  TIMESTAMPTZ,
  channel     VARCHAR,  -- contract 1.1.0: NULL for orders last changed before the shop had it
  _merged_ds  DATE  -- the run that last changed this row
);

-- The newest version of each order in this batch. A batch can hold several versions of one
-- order: the overlap window and late commits bring earlier ones along.
CREATE OR REPLACE TABLE silver_orders_changes AS
SELECT
  order_id,
  customer_id,
  lower(trim(status)) AS status,
  upper(trim(currency)) AS currency,
  total_amount AS amount,
  CAST(created_at AS DATE) AS order_date,
  created_at,
  updated_at,
  channel
FROM bronze_orders_batch
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1;

-- A version older than the one silver holds (a rerun, a backfill, a late delivery) never wins,
-- so running days in any order converges on the same table.
CREATE OR REPLACE TABLE silver_orders_applied AS
SELECT c.*
FROM silver_orders_changes AS c
LEFT JOIN silver_orders AS s USING (order_id)
WHERE s.order_id IS NULL OR c.updated_at > s.updated_at;

-- created_at (and so order_date) is set once by the source and never changes, so a match
-- does not rewrite it; every other column may change and is updated.
MERGE INTO silver_orders AS s
USING silver_orders_applied AS c
ON s.order_id = c.order_id
WHEN MATCHED THEN UPDATE SET
  customer_id = c.customer_id,
  status = c.status,
  currency = c.currency,
  amount = c.amount,
  updated_at = c.updated_at,
  channel = c.channel,
  _merged_ds = getvariable('run_date')
WHEN NOT MATCHED THEN INSERT
  (order_id, customer_id, status, currency, amount, order_date, created_at, updated_at,
   channel, _merged_ds)
  VALUES (c.order_id, c.customer_id, c.status, c.currency, c.amount, c.order_date,
          c.created_at, c.updated_at, c.channel, getvariable('run_date'));
