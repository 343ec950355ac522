-- Seed schema for the local quickstart: the sales.orders table Debezium captures, and the
-- signal table Debezium uses for incremental snapshots (backfills without a full re-snapshot).
-- Runs once, as the database owner, when the postgres container initialises its volume.

CREATE SCHEMA IF NOT EXISTS sales;

CREATE TABLE IF NOT EXISTS sales.orders (
  order_id     BIGINT PRIMARY KEY,
  customer_id  BIGINT NOT NULL,
  status       TEXT NOT NULL,
  amount       NUMERIC(12, 2) NOT NULL,
  currency     CHAR(3) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Deletes carry the whole old row (not only the key), so the lake keeps a deleted order's
-- values and silver can flag it is_deleted instead of losing its attributes. Costs more WAL
-- per update and delete; acceptable for an orders table, reconsider for very hot tables.
ALTER TABLE sales.orders REPLICA IDENTITY FULL;

-- Debezium writes signal rows here to trigger incremental snapshots; it must be part of the
-- publication too (see signal.data.collection and table.include.list in the connector).
CREATE TABLE IF NOT EXISTS sales.debezium_signal (
  id    VARCHAR(42) PRIMARY KEY,
  type  VARCHAR(32) NOT NULL,
  data  VARCHAR(2048)
);

INSERT INTO sales.orders (order_id, customer_id, status, amount, currency) VALUES
  (1001, 501, 'placed', 49.90, 'EUR'),
  (1002, 502, 'placed', 120.00, 'EUR'),
  (1003, 501, 'shipped', 15.50, 'USD');
