-- Gate bronze -> silver with --cdc: reconcile silver with the source, deletes included.
-- source_orders_control is every order the source held right after the day's changes were
-- read from the slot (extract-orders-state.sql); changes_end_lsn is where that read ended. Every
-- row returned is a failure:
--   missing from silver     the source has the order, silver does not, and no later change
--                           deleted it (a rerun of an earlier day sees later deletes in bronze)
--   deleted in the source   silver holds an order the source no longer has, from a change the
--                           day's read had already passed: a delete that was not applied
--   older in silver         silver holds an older version than the source had
SELECT order_id, problem, source_updated_at, silver_updated_at
FROM (
  SELECT c.order_id, 'missing from silver' AS problem, c.updated_at AS source_updated_at,
    NULL::TIMESTAMPTZ AS silver_updated_at
  FROM source_orders_control AS c
  ANTI JOIN silver_orders AS s USING (order_id)
  WHERE NOT EXISTS (
    SELECT 1 FROM bronze_orders AS b
    WHERE b.order_id = c.order_id AND b.op = 'd' AND b.commit_lsn > getvariable('changes_end_lsn')
  )
  UNION ALL
  SELECT s.order_id, 'deleted in the source, still in silver', NULL, s.updated_at
  FROM silver_orders AS s
  ANTI JOIN source_orders_control AS c USING (order_id)
  WHERE s._commit_lsn <= getvariable('changes_end_lsn')
  UNION ALL
  SELECT c.order_id, 'older in silver', c.updated_at, s.updated_at
  FROM source_orders_control AS c
  JOIN silver_orders AS s USING (order_id)
  WHERE s.updated_at < c.updated_at
)
ORDER BY order_id, problem
