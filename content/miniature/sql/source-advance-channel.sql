-- After the release that adds sales.orders.channel (source-evolve.sql): runs after
-- source-advance.sql over the same clock step and sets the channel of every order written in it
-- to its newest version's, as the application now does on every write.
UPDATE sales.orders AS o
SET channel = v.channel
FROM (
  SELECT DISTINCT ON (order_id) order_id, channel
  FROM sim.order_versions
  WHERE committed_at > :'clock_from' AND committed_at <= :'clock_to'
  ORDER BY order_id, updated_at DESC
) AS v
WHERE o.order_id = v.order_id;
