-- Batch ingestion, orders: incremental on the updated_at cursor. The window (psql variables
-- window_start and window_end) starts four hours before the logical day, so that a change
-- committed late, after the previous run had read its hour, is still picked up. Rows read
-- twice are removed in bronze.
SELECT order_id, customer_id, status, currency, total_amount, created_at, updated_at
FROM sales.orders
WHERE updated_at >= :'window_start'
  AND updated_at < :'window_end'
ORDER BY updated_at, order_id
