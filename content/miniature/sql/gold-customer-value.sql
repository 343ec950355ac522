-- Silver -> gold: what each customer has bought, for the CRM team and the feature store.
--   in:  silver_customers, silver_orders
--   out: gold_customer_value, one row per customer and currency
-- Rebuilt in full on every run: at this size a full rebuild costs less than tracking which
-- customers a change touches (an order status, a move to another country).
CREATE OR REPLACE TABLE gold_customer_value AS
SELECT
  c.customer_id,
  c.country_code,
  o.currency,
  count(*) AS orders,
  coalesce(sum(o.amount) FILTER (WHERE o.status IN ('paid', 'shipped', 'delivered')), 0)
    AS revenue,
  min(o.order_date) AS first_order_date,
  max(o.order_date) AS last_order_date
FROM silver_customers AS c
JOIN silver_orders AS o USING (customer_id)
GROUP BY c.customer_id, c.country_code, o.currency;
