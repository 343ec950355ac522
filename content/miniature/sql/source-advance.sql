-- Moves the simulated shop forward: applies every write committed after clock_from and up to
-- clock_to to the application tables, newest version per key. Every column is overwritten, so
-- the shop's state at a clock is the newest version of each row at that clock however far each
-- step jumps (a skipped day and its backfill see the same rows as a run of every day). The values
-- are psql variables because the same file runs in psql against PostgreSQL; the DuckDB source
-- substitutes them as quoted literals.
INSERT INTO sales.customers (customer_id, email, full_name, country_code, created_at, updated_at)
SELECT DISTINCT ON (customer_id)
  customer_id, email, full_name, country_code, created_at, updated_at
FROM sim.customer_versions
WHERE committed_at > :'clock_from' AND committed_at <= :'clock_to'
ORDER BY customer_id, updated_at DESC
ON CONFLICT (customer_id) DO UPDATE SET
  email = excluded.email,
  full_name = excluded.full_name,
  country_code = excluded.country_code,
  created_at = excluded.created_at,
  updated_at = excluded.updated_at;

INSERT INTO sales.orders
  (order_id, customer_id, status, currency, total_amount, created_at, updated_at)
SELECT DISTINCT ON (order_id)
  order_id, customer_id, status, currency, total_amount, created_at, updated_at
FROM sim.order_versions
WHERE committed_at > :'clock_from' AND committed_at <= :'clock_to'
ORDER BY order_id, updated_at DESC
ON CONFLICT (order_id) DO UPDATE SET
  customer_id = excluded.customer_id,
  status = excluded.status,
  currency = excluded.currency,
  total_amount = excluded.total_amount,
  created_at = excluded.created_at,
  updated_at = excluded.updated_at;
