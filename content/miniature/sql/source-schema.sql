-- The shop's operational database, as the miniature simulates it. Runs unchanged on DuckDB and
-- on PostgreSQL, so either can play the source.
--   sales.*  the tables the application owns and the pipeline extracts from
--   sim.*    every write the simulated application will make, with its commit time; the
--            miniature replays them into sales.* as its clock advances (source-advance.sql)
CREATE SCHEMA IF NOT EXISTS sales;
CREATE SCHEMA IF NOT EXISTS sim;

CREATE TABLE sales.customers (
  customer_id  BIGINT PRIMARY KEY,
  email        VARCHAR(200) NOT NULL,
  full_name    VARCHAR(200) NOT NULL,
  country_code VARCHAR(2) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  -- Set by the application on every change: the cursor that incremental extraction uses.
  updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE sales.orders (
  order_id     BIGINT PRIMARY KEY,
  customer_id  BIGINT NOT NULL,
  status       VARCHAR(20) NOT NULL,
  currency     VARCHAR(3) NOT NULL,
  total_amount NUMERIC(12, 2) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE sim.customer_versions (
  customer_id  BIGINT NOT NULL,
  email        VARCHAR(200) NOT NULL,
  full_name    VARCHAR(200) NOT NULL,
  country_code VARCHAR(2) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL,
  -- When the write became visible. Usually seconds after updated_at; a long transaction can
  -- commit hours later, which is what makes late records.
  committed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sim.order_versions (
  order_id     BIGINT NOT NULL,
  customer_id  BIGINT NOT NULL,
  status       VARCHAR(20) NOT NULL,
  currency     VARCHAR(3) NOT NULL,
  total_amount NUMERIC(12, 2) NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL,
  committed_at TIMESTAMPTZ NOT NULL,
  -- Written only after the release that adds sales.orders.channel (source-evolve.sql, --evolve).
  channel      VARCHAR(20)
);
