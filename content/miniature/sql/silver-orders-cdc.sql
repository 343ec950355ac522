-- Bronze -> silver, orders with --cdc: one row per order that exists in the source, current
-- state, conformed, maintained by a MERGE that applies the day's change log with its deletes.
--   in:  bronze_orders_batch   this run's changes, in commit order (lsn)
--        bronze_orders         every change landed so far, this run's included
--        silver_orders         the published silver table (empty on the first run)
--   out: silver_orders_applied the changes that took effect, with what they did (_action);
--                              gold recomputes only their order dates
CREATE TABLE IF NOT EXISTS silver_orders (
  order_id    BIGINT,
  customer_id BIGINT,
  status      VARCHAR,
  currency    VARCHAR,
  amount      DECIMAL(12, 2),
  order_date  DATE,
  created_at  TIMESTAMPTZ,
  updated_at  TIMESTAMPTZ,
  _commit_lsn BIGINT,  -- position in the WAL of the change this row reflects
  _merged_ds  DATE     -- the run that last changed this row
);

-- Every change carries the whole new row (a delete, the key), so applying a day's changes one
-- by one in commit order leaves each order as its last change says: the last change per order,
-- by (commit_lsn, lsn), is that result, and one MERGE applies it. MERGE needs one source row per
-- target row.
CREATE OR REPLACE TABLE silver_orders_changes AS
SELECT
  order_id,
  op,
  customer_id,
  lower(trim(status)) AS status,
  upper(trim(currency)) AS currency,
  total_amount AS amount,
  CAST(created_at AS DATE) AS order_date,
  created_at,
  updated_at,
  commit_lsn
FROM bronze_orders_batch
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY commit_lsn DESC, lsn DESC) = 1;

-- A change takes effect only if nothing later is known: silver does not already reflect it or a
-- later one, and bronze holds no later change of the order (a rerun of an earlier day after
-- later days were published, whose deletes must not be undone). A delete of an order silver
-- never held (created and deleted in one day) does nothing.
CREATE OR REPLACE TABLE silver_orders_applied AS
SELECT
  c.* EXCLUDE (order_date),
  coalesce(c.order_date, s.order_date) AS order_date,  -- a delete's day, for gold
  CASE WHEN c.op = 'd' THEN 'delete' WHEN s.order_id IS NULL THEN 'insert' ELSE 'update' END
    AS _action
FROM silver_orders_changes AS c
LEFT JOIN silver_orders AS s USING (order_id)
WHERE (CASE WHEN s.order_id IS NULL THEN c.op <> 'd' ELSE c.commit_lsn > s._commit_lsn END)
  AND NOT EXISTS (
    SELECT 1 FROM bronze_orders AS b
    WHERE b.order_id = c.order_id AND b.commit_lsn > c.commit_lsn
  );

-- created_at (and so order_date) is set once by the source and never changes, so a match
-- does not rewrite it.
MERGE INTO silver_orders AS s
USING silver_orders_applied AS c
ON s.order_id = c.order_id
WHEN MATCHED AND c.op = 'd' THEN DELETE
WHEN MATCHED THEN UPDATE SET
  customer_id = c.customer_id,
  status = c.status,
  currency = c.currency,
  amount = c.amount,
  updated_at = c.updated_at,
  _commit_lsn = c.commit_lsn,
  _merged_ds = getvariable('run_date')
WHEN NOT MATCHED THEN INSERT
  (order_id, customer_id, status, currency, amount, order_date, created_at, updated_at,
   _commit_lsn, _merged_ds)
  VALUES (c.order_id, c.customer_id, c.status, c.currency, c.amount, c.order_date,
          c.created_at, c.updated_at, c.commit_lsn, getvariable('run_date'));
