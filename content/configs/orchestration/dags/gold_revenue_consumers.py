"""React to every new version of gold.daily_revenue: refresh what reads it.

Scheduled on the gold.daily_revenue asset, not on a clock: it runs exactly when the producer
(lakehouse_orders) has published a checked build, and never on a stale one. It reads the producer's
asset-event metadata, then invalidates the Superset caches of the datasets built on that table so
the next dashboard view queries fresh data (Celery beat re-warms the most-viewed dashboards).

Idempotent: invalidating a cache twice is harmless, and the task derives everything it does from
the triggering asset event, so a re-run of the same DAG run does the same thing.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.providers.http.hooks.http import HttpHook
from airflow.providers.slack.notifications.slack_webhook import SlackWebhookNotifier
from airflow.sdk import Asset, dag, task

_TRINO = "trino://trino-etl.data.example.internal:443/lake"
# Must match the definition in lakehouse_orders.py (same name and URI).
GOLD_DAILY_REVENUE = Asset(name="gold.daily_revenue", uri=f"{_TRINO}/gold/daily_revenue")

# Superset datasets to invalidate: (database name in Superset, schema, table).
SUPERSET_DATASETS = [
    ("lake_gold", "gold", "daily_revenue"),
]

on_failure = SlackWebhookNotifier(
    slack_webhook_conn_id="slack_data_alerts",
    text=":warning: {{ ti.dag_id }}.{{ ti.task_id }} failed for run {{ run_id }}. Log: {{ ti.log_url }}",
)


def cache_invalidation_payload(datasets: list[tuple[str, str, str]]) -> dict:
    """Build the body of Superset's POST /api/v1/cachekey/invalidate for named datasets."""
    return {
        "datasources": [
            {
                "database_name": database,
                "schema": schema,
                "datasource_name": table,
                "datasource_type": "table",
            }
            for database, schema, table in datasets
        ]
    }


@dag(
    dag_id="gold_revenue_consumers",
    schedule=[GOLD_DAILY_REVENUE],
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "bi-platform",
        "retries": 3,
        "retry_delay": timedelta(minutes=1),
        "execution_timeout": timedelta(minutes=5),
        "on_failure_callback": [on_failure],
    },
    tags=["orders", "superset", "owner:bi-platform"],
    doc_md=__doc__,
)
def gold_revenue_consumers():
    @task
    def read_gold_event(*, triggering_asset_events=None) -> dict:
        """Return the metadata of the newest gold.daily_revenue event behind this run."""
        # Several producer runs can be folded into one consumer run; the newest event wins. Pick it
        # by timestamp rather than by list position, which the accessor does not promise to sort.
        events = triggering_asset_events[GOLD_DAILY_REVENUE]
        latest = max(events, key=lambda event: event.timestamp)
        extra = dict(latest.extra or {})
        if "changed_from" not in extra:
            raise ValueError(f"asset event {latest} carries no 'changed_from'; producer out of date?")
        print(f"{len(events)} gold event(s); newest built for {extra.get('built_for')}")
        return extra

    @task
    def invalidate_superset_cache(gold_event: dict) -> int:
        """Invalidate Superset's chart-data cache for the datasets built on the gold table."""
        hook = HttpHook(method="POST", http_conn_id="superset_api")
        session = hook.get_conn()
        conn = hook.get_connection("superset_api")
        base = hook.base_url.rstrip("/")

        login = session.post(
            f"{base}/api/v1/security/login",
            json={"username": conn.login, "password": conn.password, "provider": "db", "refresh": False},
            timeout=30,
        )
        login.raise_for_status()
        session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        csrf = session.get(f"{base}/api/v1/security/csrf_token/", timeout=30)
        csrf.raise_for_status()
        session.headers.update({"X-CSRFToken": csrf.json()["result"], "Referer": base})

        resp = session.post(
            f"{base}/api/v1/cachekey/invalidate",
            json=cache_invalidation_payload(SUPERSET_DATASETS),
            timeout=30,
        )
        resp.raise_for_status()
        print(f"invalidated {len(SUPERSET_DATASETS)} dataset(s) changed since {gold_event['changed_from']}")
        return resp.status_code

    invalidate_superset_cache(read_gold_event())


gold_revenue_consumers()
