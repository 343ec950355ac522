-- The shop's database for log-based CDC (--cdc; PostgreSQL only, after source-schema.sql).
-- source-advance.sql jumps the shop forward in one statement per table, newest version per key,
-- which is all a cursor extract can ever see. Log-based CDC reads the write-ahead log, so here
-- the application's writes are replayed one by one, each in its own transaction and in commit
-- order, as the application made them: every intermediate version and every delete reaches the
-- WAL, and the replication slot sees them.
--
-- sales.orders keeps REPLICA IDENTITY DEFAULT: its primary key. A DELETE then writes the old
-- row's key to the WAL, which is all a delete marker needs; FULL would log the whole old row.

-- The clean-up job's hard deletes of cancelled orders (see planOrderDeletes in generate.ts).
CREATE TABLE sim.order_deletes (
  order_id     BIGINT NOT NULL,
  committed_at TIMESTAMPTZ NOT NULL
);

-- Replay every write committed after clock_from and up to clock_to. The simulated commit time
-- travels with each transaction as a transactional logical decoding message
-- (pg_logical_emit_message), because the real commit timestamp is the machine's clock, not the
-- shop's. COMMIT inside the loop needs a procedure (PostgreSQL 11 or later).
CREATE PROCEDURE sim.replay(clock_from TIMESTAMPTZ, clock_to TIMESTAMPTZ)
LANGUAGE plpgsql
AS $$
DECLARE
  w RECORD;
BEGIN
  FOR w IN
    SELECT 'customer' AS kind, customer_id AS id, NULL::BIGINT AS customer_id, email, full_name,
      country_code, NULL::VARCHAR AS status, NULL::VARCHAR AS currency,
      NULL::NUMERIC AS total_amount, created_at, updated_at, committed_at
    FROM sim.customer_versions
    WHERE committed_at > clock_from AND committed_at <= clock_to
    UNION ALL
    SELECT 'order', order_id, customer_id, NULL, NULL, NULL, status, currency, total_amount,
      created_at, updated_at, committed_at
    FROM sim.order_versions
    WHERE committed_at > clock_from AND committed_at <= clock_to
    UNION ALL
    SELECT 'order_delete', order_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      committed_at
    FROM sim.order_deletes
    WHERE committed_at > clock_from AND committed_at <= clock_to
    ORDER BY committed_at, kind, id
  LOOP
    IF w.kind = 'customer' THEN
      INSERT INTO sales.customers
        (customer_id, email, full_name, country_code, created_at, updated_at)
      VALUES (w.id, w.email, w.full_name, w.country_code, w.created_at, w.updated_at)
      ON CONFLICT (customer_id) DO UPDATE SET
        email = excluded.email,
        full_name = excluded.full_name,
        country_code = excluded.country_code,
        created_at = excluded.created_at,
        updated_at = excluded.updated_at;
    ELSIF w.kind = 'order' THEN
      INSERT INTO sales.orders
        (order_id, customer_id, status, currency, total_amount, created_at, updated_at)
      VALUES (w.id, w.customer_id, w.status, w.currency, w.total_amount, w.created_at,
        w.updated_at)
      ON CONFLICT (order_id) DO UPDATE SET
        customer_id = excluded.customer_id,
        status = excluded.status,
        currency = excluded.currency,
        total_amount = excluded.total_amount,
        created_at = excluded.created_at,
        updated_at = excluded.updated_at;
    ELSE
      DELETE FROM sales.orders WHERE order_id = w.id;
    END IF;
    PERFORM pg_logical_emit_message(true, 'miniature.committed_at', w.committed_at::TEXT);
    COMMIT;
  END LOOP;
END
$$;
