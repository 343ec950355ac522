-- Batch ingestion, orders: incremental on the updated_at cursor. The window (psql variables
-- window_start and window_end) starts four hours before the logical day, so that a change
-- committed late, after the previous run had read its hour, is still picked up. Rows read
-- twice are removed in bronze. Every column, as Airbyte's propagate_columns delivers them: a
-- column the shop adds reaches landing at once, and the landing contract (checks.yaml) decides
-- whether it goes further.
SELECT *
FROM sales.orders
WHERE updated_at >= :'window_start'
  AND updated_at < :'window_end'
ORDER BY updated_at, order_id
