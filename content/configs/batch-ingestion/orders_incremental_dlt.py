"""Incremental extraction of Postgres sales.orders into the S3 landing zone with dlt.

The code-first counterpart of connection.tf: same source table, same landing bucket, but a
cursor column (updated_at) instead of log-based CDC, and a plain Python process instead of the
Airbyte platform. Use this shape for sources without a good Airbyte connector or for teams that
want their pipelines reviewed and tested like any other Python code.

Written for dlt 1.x (the sql_database source and filesystem destination ship with dlt). Its
imports and keyword arguments are checked against the dlt 1.26.0 source, the newest release the
check could read; the chapter names the current release. The build does not run it.
Install: pip install "dlt[sql_database,filesystem,parquet]>=1.26,<2" psycopg2-binary

Configuration comes from the environment, never from this file:
  SOURCES__SQL_DATABASE__CREDENTIALS   postgresql://dlt_ro@shop-db...:5432/shop?sslmode=verify-full
  (S3) the AWS default credential chain: EKS Pod Identity in the Kubernetes pod that runs this.

Run it from the orchestrator, one task per schedule interval:
  python orders_incremental_dlt.py                      # scheduled incremental run
  python orders_incremental_dlt.py --backfill 2025-01-01 2025-02-01   # bounded, stateless backfill
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

import dlt
from dlt.sources.sql_database import sql_table

PIPELINE_NAME = "orders_pg_to_landing"
LANDING_URL = "s3://acme-lake/landing-files/dlt"
# Rows older than this never existed in the source; the first run starts here.
HISTORY_START = datetime(2019, 1, 1, tzinfo=timezone.utc)


def landing_destination():
    """S3 landing zone, Parquet files in one folder per table and load date, never overwritten."""
    return dlt.destinations.filesystem(
        bucket_url=LANDING_URL,
        # load_id is unique per run, so a retried run writes new files instead of replacing
        # files that a downstream job may already have read.
        layout="{table_name}/dt={YYYY}-{MM}-{DD}/{load_id}.{file_id}.{ext}",
    )


def orders(start: datetime | None = None, end: datetime | None = None):
    """sales.orders, incremental on updated_at.

    Without `end` the cursor is stateful: dlt stores the highest updated_at it has seen in the
    pipeline state (kept in the destination too, so a fresh container resumes where the last
    run stopped). With `end` the window is bounded and the state is left untouched, which is
    what a backfill wants.
    """
    resource = sql_table(
        credentials=dlt.secrets["sources.sql_database.credentials"],
        schema="sales",
        table="orders",
        incremental=dlt.sources.incremental(
            "updated_at",
            initial_value=start or HISTORY_START,
            end_value=end,
            # A row without updated_at breaks the source contract: fail loudly.
            on_cursor_value_missing="raise",
        ),
        # pyarrow reads in columnar batches and writes Parquet without a per-row Python loop.
        backend="pyarrow",
        chunk_size=50_000,
        # Keep numeric precision and scale so decimals do not become floats in landing.
        reflection_level="full_with_precision",
    )
    # Landing is append-only: every extracted version of a row is kept. Bronze deduplicates
    # on (order_id, updated_at), so a re-run or overlapping backfill never double-counts.
    resource.apply_hints(write_disposition="append", primary_key="order_id")
    return resource


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backfill",
        nargs=2,
        metavar=("START", "END"),
        help="ISO dates; re-extract rows with START <= updated_at < END without moving the cursor",
    )
    args = parser.parse_args()

    start = end = None
    pipeline_name = PIPELINE_NAME
    if args.backfill:
        start, end = (datetime.fromisoformat(d).replace(tzinfo=timezone.utc) for d in args.backfill)
        # A separate pipeline name keeps backfill state apart from the scheduled cursor.
        pipeline_name = f"{PIPELINE_NAME}_backfill"

    pipeline = dlt.pipeline(
        pipeline_name=pipeline_name,
        destination=landing_destination(),
        dataset_name="sales_pg",
        progress="log",
    )
    load_info = pipeline.run(
        orders(start, end),
        loader_file_format="parquet",
        # New tables and columns are fine in landing; a column changing type is a contract
        # break and must stop the run instead of silently producing a variant column.
        schema_contract={"tables": "evolve", "columns": "evolve", "data_type": "freeze"},
    )
    # Non-zero exit on any failed load job so the orchestrator retries or alerts.
    load_info.raise_on_failed_jobs()
    print(load_info)


if __name__ == "__main__":
    main()
