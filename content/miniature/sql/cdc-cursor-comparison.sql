-- --cdc summary: what the cursor extract would have lost. Each day, right after the slot was
-- read, the run also took the cursor mode's extract (extract-orders.sql, same window, same
-- moment) and landed the versions it returned beside the change log. Counted per day of the
-- change log:
--   versions                 creates and updates CDC delivered
--   versions_cursor_missed   of those, versions no cursor extract of any day returned: the
--                            intermediate states overwritten before an extract ran
--   deletes                  delete markers; a cursor extract returns rows, so it sees none
--   deletes_of_extracted     deleted orders some cursor extract had returned: a lake fed by
--                            the cursor would keep them forever
--   in:  cdc_changes (ds, op, order_id, updated_at), cursor_versions (order_id, updated_at)
SELECT
  c.ds,
  count(*) FILTER (WHERE c.op IN ('c', 'u')) AS versions,
  count(*) FILTER (WHERE c.op IN ('c', 'u') AND v.order_id IS NULL) AS versions_cursor_missed,
  count(*) FILTER (WHERE c.op = 'd') AS deletes,
  count(*) FILTER (WHERE c.op = 'd' AND e.order_id IS NOT NULL) AS deletes_of_extracted
FROM cdc_changes AS c
LEFT JOIN (SELECT DISTINCT order_id, updated_at FROM cursor_versions) AS v
  ON c.op <> 'd' AND v.order_id = c.order_id AND v.updated_at = c.updated_at
LEFT JOIN (SELECT DISTINCT order_id FROM cursor_versions) AS e
  ON c.op = 'd' AND e.order_id = c.order_id
GROUP BY c.ds
ORDER BY c.ds
