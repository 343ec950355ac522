"""Build the orders models from bronze to gold every hour and publish them as assets.

First runs `dbt source freshness` on the landing source, because `dbt build` does not check
freshness: past error_after it exits non-zero and nothing is promoted (past warn_after it only
warns and exits 0). Then runs `dbt build` for gold_daily_revenue and everything upstream of it on
the ETL cluster (Trino): the landing source tests, lake.bronze.orders, the silver audit table
lake.silver_audit.orders and its tests, the published lake.silver.orders (write-audit-publish: dbt
skips it when an audit test fails) and lake.gold.daily_revenue; checks the result, and records an
asset event for gold.daily_revenue with metadata that downstream DAGs read (see
gold_revenue_consumers.py).

Idempotent by construction: the dbt models merge on their unique keys (silver by order_id, gold by
day/currency), so a retry, a manual re-run or a backfill converges on the same tables.

Lineage: the OpenLineage provider emits events for every task; the dbt pod runs `dbt-ol`, which
emits one event per model with this task run as its parent, so Marquez shows Airflow task ->
dbt models -> Iceberg tables as one graph.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.cncf.kubernetes.secret import Secret
from airflow.providers.common.sql.operators.sql import SQLCheckOperator
from airflow.providers.slack.notifications.slack_webhook import SlackWebhookNotifier
from airflow.sdk import Asset, dag, task
from airflow.sdk.definitions.deadline import AsyncCallback, DeadlineAlert, DeadlineReference
from kubernetes.client import models as k8s

# Asset names are <zone>.<table>; URIs use the trino:// form (host:port/catalog/schema/table) that
# the Trino provider normalises and the OpenLineage provider turns into dataset names.
# The same definitions appear in every DAG that uses them; Airflow matches assets by name and URI.
_TRINO = "trino://trino-etl.data.example.internal:443/lake"
BRONZE_ORDERS = Asset(name="bronze.orders", uri=f"{_TRINO}/bronze/orders")
SILVER_ORDERS = Asset(name="silver.orders", uri=f"{_TRINO}/silver/orders")
GOLD_DAILY_REVENUE = Asset(name="gold.daily_revenue", uri=f"{_TRINO}/gold/daily_revenue")

ALERT_CONN = "slack_data_alerts"

# dbt-core 1.12 with dbt-trino 1.10.6, the versions the ETL cluster's dbt project pins; the suffix
# counts this platform's image builds.
DBT_IMAGE = "registry.example.com/data/dbt-trino:1.10.6-platform.12"

on_failure = SlackWebhookNotifier(
    slack_webhook_conn_id=ALERT_CONN,
    text=(
        ":red_circle: {{ ti.dag_id }}.{{ ti.task_id }} failed (try {{ ti.try_number }}) "
        "for run {{ run_id }}. Log: {{ ti.log_url }}"
    ),
)


@dag(
    dag_id="lakehouse_orders",
    # Hourly at minute 15, clear of the hourly landing compaction at the top of the hour; Flink
    # commits the orders change log to lake.landing every minute (streaming ingestion).
    # A cron string gives a CronTriggerTimetable in Airflow 3: one run per tick, no data interval.
    schedule="15 * * * *",
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    # Runs must not overlap: two concurrent MERGEs into silver would conflict in Iceberg.
    max_active_runs=1,
    default_args={
        "owner": "data-platform",
        "retries": 3,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(minutes=40),
        "on_failure_callback": [on_failure],
    },
    # Gold must be fresh 50 minutes after the scheduled time, whatever happened in between
    # (queueing, retries, a slow Trino). Deadline alerts replace Airflow 2's SLAs; they are
    # marked experimental since 3.1 and run their callback on the triggerer.
    deadline=DeadlineAlert(
        reference=DeadlineReference.DAGRUN_LOGICAL_DATE,
        interval=timedelta(minutes=50),
        callback=AsyncCallback(
            SlackWebhookNotifier,
            kwargs={
                "slack_webhook_conn_id": ALERT_CONN,
                "text": ":hourglass: {{ dag_run.dag_id }} missed its deadline "
                "({{ deadline.deadline_time }}); gold.daily_revenue is stale.",
            },
        ),
    ),
    tags=["orders", "dbt", "gold", "owner:data-platform"],
    doc_md=__doc__,
)
def lakehouse_orders():
    # dbt runs in its own pod in the etl namespace with the dbt-runner service account, so Airflow's
    # task role never holds Trino write rights. deferrable=True frees the worker slot while the pod
    # runs; the triggerer watches it.
    # Freshness gate: `dbt source freshness` exits 1 when a source is past error_after (60 minutes
    # for landing) and 0 when it is only past warn_after, so a stale feed fails this task and
    # dbt_build_orders never starts; a warning shows in the log and the build goes ahead.
    landing_is_fresh = KubernetesPodOperator(
        task_id="dbt_source_freshness_landing",
        namespace="etl",
        name="dbt-source-freshness-landing",
        image=DBT_IMAGE,
        cmds=["dbt"],
        arguments=["source", "freshness", "--target", "prod", "--select", "source:landing"],
        env_vars={"DBT_TARGET": "prod"},
        secrets=[Secret("env", "TRINO_JWT", "dbt-trino-jwt", "token")],
        service_account_name="dbt-runner",
        container_resources=k8s.V1ResourceRequirements(
            requests={"cpu": "250m", "memory": "512Mi"},
            limits={"memory": "1Gi"},
        ),
        get_logs=True,
        on_finish_action="delete_pod",
        deferrable=True,
        execution_timeout=timedelta(minutes=10),
        # One retry covers a pod or network hiccup; more would only delay the page for a feed that
        # is already an hour late (the etl-cluster chapter's SLO: freshness errors page within 15
        # minutes of the run).
        retries=1,
    )

    dbt_build = KubernetesPodOperator(
        task_id="dbt_build_orders",
        namespace="etl",
        name="dbt-build-orders",
        image=DBT_IMAGE,
        cmds=["dbt-ol"],
        arguments=[
            "build",
            "--target",
            "prod",
            "--select",
            "+gold_daily_revenue",
            "--fail-fast",
            # Unit tests ran in pull-request CI; `dbt build` would otherwise run them again here.
            "--exclude-resource-type",
            "unit_test",
        ],
        env_vars={
            "DBT_TARGET": "prod",
            "OPENLINEAGE_URL": "http://marquez.lineage.svc.cluster.local:5000",
            "OPENLINEAGE_NAMESPACE": "dbt-prod",
            # Links every dbt model event to this Airflow task run in the lineage graph.
            "OPENLINEAGE_PARENT_ID": "{{ macros.OpenLineageProviderPlugin.lineage_parent_id(task_instance) }}",
        },
        secrets=[Secret("env", "TRINO_JWT", "dbt-trino-jwt", "token")],
        service_account_name="dbt-runner",
        container_resources=k8s.V1ResourceRequirements(
            requests={"cpu": "500m", "memory": "1Gi"},
            limits={"memory": "2Gi"},
        ),
        get_logs=True,
        on_finish_action="delete_pod",
        deferrable=True,
        outlets=[BRONZE_ORDERS, SILVER_ORDERS],
    )

    # A cheap guard on what dashboards read: recent days exist and were rebuilt by this run.
    # dbt tests already ran inside `dbt build`; this checks the table as consumers see it.
    # SQL operators report the table they read to OpenLineage through the SQL parser.
    gold_is_fresh = SQLCheckOperator(
        task_id="gold_is_fresh",
        conn_id="trino_airflow",
        sql="""
            SELECT
                count(*) > 0
                AND max(_built_at) >= from_iso8601_timestamp(
                    '{{ (logical_date or dag_run.run_after).isoformat() }}'
                )
            FROM lake.gold.daily_revenue
            WHERE order_date >= current_date - INTERVAL '3' DAY
        """,
        retries=1,
    )

    @task(outlets=[GOLD_DAILY_REVENUE])
    def publish_gold(*, outlet_events=None, logical_date=None, dag_run=None, run_id=None):
        """Record the gold asset event with the metadata consumers need."""
        # Manually triggered runs in Airflow 3 may have no logical date; fall back to run_after.
        built_for = logical_date or dag_run.run_after
        # Gold recomputes the last three days on every run (see the dbt model), so consumers
        # should treat that window as changed.
        changed_from = (built_for - timedelta(days=3)).date().isoformat()
        outlet_events[GOLD_DAILY_REVENUE].extra = {
            "built_for": built_for.isoformat(),
            "changed_from": changed_from,
            "producer_run_id": run_id,
        }

    landing_is_fresh >> dbt_build >> gold_is_fresh >> publish_gold()


lakehouse_orders()
