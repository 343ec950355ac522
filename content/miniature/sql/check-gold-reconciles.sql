-- Gate silver -> gold: gold must equal a fresh aggregation of silver. Every row returned is a
-- failure: an order day and currency where the incremental model drifted from its source.
WITH fresh AS (
  SELECT
    order_date,
    currency,
    count(*) AS orders,
    coalesce(sum(amount) FILTER (WHERE status IN ('paid', 'shipped', 'delivered')), 0)
      AS revenue
  FROM silver_orders
  GROUP BY order_date, currency
)
SELECT
  coalesce(f.order_date, g.order_date) AS order_date,
  coalesce(f.currency, g.currency) AS currency,
  f.orders AS silver_orders,
  g.orders AS gold_orders,
  f.revenue AS silver_revenue,
  g.revenue AS gold_revenue
FROM fresh AS f
FULL JOIN gold_daily_revenue AS g
  ON g.order_date = f.order_date AND g.currency = f.currency
WHERE g.orders IS DISTINCT FROM f.orders
   OR g.revenue IS DISTINCT FROM f.revenue
ORDER BY 1, 2
