-- The shop's release that records each order's sales channel (--evolve): an additive change,
-- a nullable column, so orders written before it keep NULL. From now on a cursor extract of
-- every column delivers it.
ALTER TABLE sales.orders ADD COLUMN channel VARCHAR(20);
