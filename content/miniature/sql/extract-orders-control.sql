-- Batch ingestion, orders: the control extract taken with the day's extract, at the same
-- moment. Every order the source holds that was last changed before the end of the logical
-- day, with that change's time: after the day's promotion silver must hold each of them at
-- this version or a newer one (check-silver-reconciles-source.sql). Keys only, so it stays
-- small; a gap in the lake (a day that never reached silver) shows up here as missing orders
-- and stale statuses, whatever the lake's own records say.
SELECT order_id, updated_at
FROM sales.orders
WHERE updated_at < :'window_end'
ORDER BY order_id
