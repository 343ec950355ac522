-- Batch ingestion, customers: a full snapshot every run. The table is small, and a full
-- extract can never miss a row, so late commits and backfills need no special care here.
SELECT customer_id, email, full_name, country_code, created_at, updated_at
FROM sales.customers
ORDER BY customer_id
