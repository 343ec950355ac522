-- Silver -> gold: revenue per order day and currency, for dashboards.
--   in:  silver_orders, silver_orders_applied (the orders this run changed)
--   out: gold_daily_revenue
-- Incremental by delete and insert on the grain: only the order days this run touched are
-- recomputed, whole, from silver. A cancellation today rewrites the day the order was placed.
CREATE TABLE IF NOT EXISTS gold_daily_revenue (
  order_date       DATE,
  currency         VARCHAR,
  orders           BIGINT,
  paid_orders      BIGINT,  -- paid, shipped or delivered
  cancelled_orders BIGINT,  -- cancelled or refunded
  revenue          DECIMAL(18, 2),  -- amount of paid orders
  customers        BIGINT
);

CREATE OR REPLACE TABLE gold_daily_revenue_days AS
SELECT DISTINCT order_date FROM silver_orders_applied;

DELETE FROM gold_daily_revenue
WHERE order_date IN (SELECT order_date FROM gold_daily_revenue_days);

INSERT INTO gold_daily_revenue
SELECT
  order_date,
  currency,
  count(*) AS orders,
  count(*) FILTER (WHERE status IN ('paid', 'shipped', 'delivered')) AS paid_orders,
  count(*) FILTER (WHERE status IN ('cancelled', 'refunded')) AS cancelled_orders,
  coalesce(sum(amount) FILTER (WHERE status IN ('paid', 'shipped', 'delivered')), 0)
    AS revenue,
  count(DISTINCT customer_id) AS customers
FROM silver_orders
WHERE order_date IN (SELECT order_date FROM gold_daily_revenue_days)
GROUP BY order_date, currency;
