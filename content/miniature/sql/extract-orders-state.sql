-- Log-based CDC, orders: the control extract taken right after the day's changes were read
-- from the replication slot, with nothing written in between. Every order the source holds, with
-- its last change's time: after the day's promotion silver must hold exactly these orders, at
-- these versions or newer, and no order the source has deleted
-- (check-silver-matches-source-cdc.sql). Keys only, so it stays small.
SELECT order_id, updated_at
FROM sales.orders
ORDER BY order_id
