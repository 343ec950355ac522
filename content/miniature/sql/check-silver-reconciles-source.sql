-- Gate bronze -> silver: reconcile silver with the source. source_orders_control is the
-- control extract landed with the day's orders (extract-orders-control.sql): every order the
-- source held, last changed before the end of the day. Every row returned is a failure: an
-- order silver does not have, or holds at an older version than the source did. A newer
-- version in silver is fine (a rerun of an earlier day after later ones were published).
SELECT
  c.order_id,
  CASE WHEN s.order_id IS NULL THEN 'missing from silver' ELSE 'older in silver' END AS problem,
  c.updated_at AS source_updated_at,
  s.updated_at AS silver_updated_at
FROM source_orders_control AS c
LEFT JOIN silver_orders AS s USING (order_id)
WHERE s.order_id IS NULL OR s.updated_at < c.updated_at
ORDER BY c.order_id
