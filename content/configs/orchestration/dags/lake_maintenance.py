"""Run the lake's table maintenance on Trino: hourly and daily, one statement per task.

The statements are those of the data-storage configs' maintenance.sql, sections 1 to 4, on the
schedule the data-storage chapter sets:

  lake_maintenance_hourly  optimize the streaming landing table (Flink commits every minute)
  lake_maintenance_daily   landing retention, compaction of the tables the ETL cluster merges
                           into, snapshot expiry, orphan-file removal, then ANALYZE

Erasure (maintenance.sql section 5) is not here: the security configs' gdpr_erasure DAG runs it.

Two DAGs rather than one, because their timeouts differ: an hourly run must end before the next
tick, while the daily compaction can take hours. A change to a table list here belongs in
maintenance.sql too; the blueprint's unit tests (tests/unit/config/lake-tables.test.ts) fail when
MERGED_TABLES or EXPIRED_TABLES differ from maintenance.sql's sections 3 and 4.

Every statement is safe to repeat: optimize rewrites only files that carry deletes, or that are
under the threshold with another such file in their partition (Trino 483, IcebergSplitSource), and
a finished compaction leaves neither; expiry and orphan removal keep seven days, and the retention
DELETE matches whole partitions.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
from airflow.providers.slack.notifications.slack_webhook import SlackWebhookNotifier
from airflow.sdk import dag

# service-account-maintenance on Trino, as for the erasure DAG: it owns landing, bronze and ops
# and may delete and run table procedures in every zone (security configs, trino/rules.json).
TRINO_CONN_ID = "trino_maintenance"
ALERT_CONN = "slack_data_alerts"

# Iceberg's day transform on a timestamp with time zone cuts days in UTC. maintenance.sql sets the
# session time zone to UTC so that current_date lines up; each task here opens its own session, so
# the predicates use UTC midnight as a timestamp with time zone, whatever the session's zone.
UTC_MIDNIGHT = "date_trunc('day', current_timestamp AT TIME ZONE 'UTC')"

LANDING = "lake.landing.cdc_shop_orders"

# Tables the ETL cluster merges into, with the optimize threshold and the partition filter of
# maintenance.sql section 3 (None: the whole table).
MERGED_TABLES: dict[str, tuple[str, str | None]] = {
    "lake.bronze.orders": ("128MB", f"change_ts >= {UTC_MIDNIGHT} - INTERVAL '7' DAY"),
    "lake.silver.orders": ("128MB", None),
    # silver's write-audit-publish copy, merged into as often as silver (data-storage zones.sql).
    "lake.silver_audit.orders": ("128MB", None),
    "lake.silver.customers": ("128MB", None),
}

# Every table whose snapshots and orphan files are cleaned daily (section 4). Seven days is the
# rollback window; the catalog's min-retention settings refuse anything shorter.
EXPIRED_TABLES = [
    LANDING,
    "lake.bronze.orders",
    "lake.silver.orders",
    "lake.silver_audit.orders",
    "lake.silver.customers",
    "lake.gold.daily_revenue",
    "lake.gold.customer_order_features",
]
RETENTION = "7d"

ANALYZED_TABLES = ["lake.silver.orders", "lake.silver.customers"]

on_failure = SlackWebhookNotifier(
    slack_webhook_conn_id=ALERT_CONN,
    text=(
        ":red_circle: {{ ti.dag_id }}.{{ ti.task_id }} failed (try {{ ti.try_number }}) "
        "for run {{ run_id }}; lake maintenance is behind. Log: {{ ti.log_url }}"
    ),
)


def _short(table: str) -> str:
    """Turn lake.<schema>.<table> into <schema>_<table> for task ids."""
    return table.removeprefix("lake.").replace(".", "_")


def _statement(task_id: str, sql: str, timeout: timedelta) -> SQLExecuteQueryOperator:
    """One Trino statement as one task, so a failed step shows and retries on its own."""
    # The default handler fetches every result row, which keeps the Trino client polling until
    # the statement has finished; a long optimize would otherwise be abandoned by the server.
    return SQLExecuteQueryOperator(
        task_id=task_id,
        conn_id=TRINO_CONN_ID,
        sql=sql,
        execution_timeout=timeout,
        do_xcom_push=False,
    )


@dag(
    dag_id="lake_maintenance_hourly",
    # At the top of the hour, clear of lakehouse_orders at minute 15, which reads the landing
    # table this compacts.
    schedule="0 * * * *",
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    # A second optimize on the same files would only conflict with the first.
    max_active_runs=1,
    # Sized to the hour: 15 minutes per try, two retries 5 minutes apart, 55 minutes at worst,
    # so a stuck run fails and alerts before the next one is due.
    dagrun_timeout=timedelta(minutes=55),
    default_args={
        "owner": "data-platform",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "on_failure_callback": [on_failure],
    },
    tags=["lake", "maintenance", "iceberg", "owner:data-platform"],
    doc_md=__doc__,
)
def lake_maintenance_hourly():
    # The last two days of partitions (yesterday and today, UTC); files at or above 64 MB stay.
    _statement(
        f"optimize_{_short(LANDING)}",
        f"ALTER TABLE {LANDING} EXECUTE optimize(file_size_threshold => '64MB') "
        f"WHERE ingested_at >= {UTC_MIDNIGHT} - INTERVAL '1' DAY",
        timeout=timedelta(minutes=15),
    )


@dag(
    dag_id="lake_maintenance_daily",
    # 02:30 UTC, after the 02:00 landing compaction. lakehouse_orders merges into bronze and
    # silver every hour, so there is no merge-free window: if a MERGE commits files that optimize
    # is rewriting, Iceberg fails one of the two commits and that task retries (the dbt models
    # are idempotent, and optimize picks up what is still small).
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    # Well inside the day, so a hung run fails and alerts the same morning; the data-storage
    # chapter alerts when compaction or expiry has not succeeded for 48 hours.
    dagrun_timeout=timedelta(hours=8),
    default_args={
        "owner": "data-platform",
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
        "on_failure_callback": [on_failure],
    },
    tags=["lake", "maintenance", "iceberg", "owner:data-platform"],
    doc_md=__doc__,
)
def lake_maintenance_daily():
    # Landing keeps 21 days; the predicate matches day(ingested_at), so whole files go.
    steps = [
        _statement(
            f"retention_{_short(LANDING)}",
            f"DELETE FROM {LANDING} WHERE ingested_at < {UTC_MIDNIGHT} - INTERVAL '21' DAY",
            timeout=timedelta(minutes=15),
        )
    ]
    for table, (threshold, where) in MERGED_TABLES.items():
        sql = f"ALTER TABLE {table} EXECUTE optimize(file_size_threshold => '{threshold}')"
        steps.append(
            _statement(
                f"optimize_{_short(table)}",
                f"{sql} WHERE {where}" if where else sql,
                timeout=timedelta(hours=1),
            )
        )
    # Expiry before orphan removal: files of expired snapshots are deleted by the expiry itself;
    # orphan removal then finds only files no snapshot ever committed.
    for table in EXPIRED_TABLES:
        steps.append(
            _statement(
                f"expire_snapshots_{_short(table)}",
                f"ALTER TABLE {table} EXECUTE "
                f"expire_snapshots(retention_threshold => '{RETENTION}')",
                timeout=timedelta(minutes=30),
            )
        )
    for table in EXPIRED_TABLES:
        steps.append(
            _statement(
                f"remove_orphan_files_{_short(table)}",
                f"ALTER TABLE {table} EXECUTE "
                f"remove_orphan_files(retention_threshold => '{RETENTION}')",
                timeout=timedelta(minutes=30),
            )
        )
    # Column statistics for the cost-based optimiser, on the freshly compacted files.
    for table in ANALYZED_TABLES:
        steps.append(
            _statement(f"analyze_{_short(table)}", f"ANALYZE {table}", timedelta(minutes=30))
        )

    # One statement at a time, in maintenance.sql's order, so the ETL cluster is not flooded.
    for upstream, downstream in zip(steps, steps[1:]):
        upstream >> downstream


lake_maintenance_hourly()
lake_maintenance_daily()
