"""DAG integrity and contract tests, run by CI on every pull request to the DAGs repository.

They need only Airflow and the providers the DAGs import (the same constraints file as the image),
no scheduler and no database connections: parsing is local, and task code is tested as plain
Python. End-to-end runs (`airflow dags test` against staging data) are not part of this suite,
and the reference CI workflow (ci-cd airflow-dags.yml) does not run them either.

    pip install "apache-airflow==3.3.2" -c constraints-3.3.2.txt <providers...> pytest
    pytest tests/
"""

from __future__ import annotations

import importlib.util
import time
from datetime import timedelta
from pathlib import Path

import pytest

try:  # Airflow 3 moved DagBag next to the DAG processor; keep the older path as a fallback.
    from airflow.dag_processing.dagbag import DagBag
except ImportError:  # pragma: no cover
    from airflow.models.dagbag import DagBag

DAGS_DIR = Path(__file__).resolve().parents[1] / "dags"
MAX_PARSE_SECONDS = 2.0


@pytest.fixture(scope="session")
def dagbag() -> DagBag:
    """Parse the DAG folder once, the way the DAG processor does."""
    return DagBag(dag_folder=str(DAGS_DIR), include_examples=False)


def test_every_dag_file_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}, f"import errors: {dagbag.import_errors}"


@pytest.mark.parametrize("path", sorted(DAGS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_each_dag_file_parses_quickly(path):
    # Top-level code runs on every parse; network calls or heavy imports there slow every DAG.
    started = time.perf_counter()
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert time.perf_counter() - started < MAX_PARSE_SECONDS


def test_every_dag_has_an_owner_tag_retries_and_no_catchup(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert any(t.startswith("owner:") for t in dag.tags), f"{dag_id}: add an owner:<team> tag"
        assert dag.catchup is False, f"{dag_id}: catchup must be off; use backfills instead"
        for task in dag.tasks:
            assert task.retries >= 1, f"{dag_id}.{task.task_id}: set retries"
            assert task.execution_timeout is not None, f"{dag_id}.{task.task_id}: set execution_timeout"


def _load(name: str):
    """Import a DAG file as a module, without the DagBag, to reach its constants and helpers."""
    spec = importlib.util.spec_from_file_location(name, DAGS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_asset_is_produced_by_one_dag_and_consumed_by_another(dagbag):
    producers = {
        dag_id
        for dag_id, dag in dagbag.dags.items()
        for task in dag.tasks
        if any(getattr(o, "name", None) == "gold.daily_revenue" for o in task.outlets)
    }
    assert producers == {"lakehouse_orders"}
    # The consumer is asset-scheduled, not on a clock.
    consumer = dagbag.dags["gold_revenue_consumers"]
    assert "Asset" in type(consumer.timetable).__name__


def test_source_freshness_gates_the_dbt_build(dagbag):
    # dbt build does not check source freshness; without this task a stale feed is promoted.
    dag = dagbag.dags["lakehouse_orders"]
    freshness = dag.get_task("dbt_source_freshness_landing")
    assert freshness.arguments[:2] == ["source", "freshness"]
    assert dag.get_task("dbt_build_orders").upstream_task_ids == {freshness.task_id}


def test_both_dags_define_the_gold_asset_identically():
    # The asset is declared in both files; a typo in one would silently break the trigger.
    producer, consumer = _load("lakehouse_orders"), _load("gold_revenue_consumers")
    assert producer.GOLD_DAILY_REVENUE.name == consumer.GOLD_DAILY_REVENUE.name
    assert producer.GOLD_DAILY_REVENUE.uri == consumer.GOLD_DAILY_REVENUE.uri


def test_cache_invalidation_payload_names_datasets_not_ids():
    payload = _load("gold_revenue_consumers").cache_invalidation_payload([("lake_gold", "gold", "daily_revenue")])
    assert payload == {
        "datasources": [
            {
                "database_name": "lake_gold",
                "schema": "gold",
                "datasource_name": "daily_revenue",
                "datasource_type": "table",
            }
        ]
    }


def test_lake_maintenance_runs_fit_their_schedule(dagbag):
    # A maintenance run that outlives its interval makes the next one queue behind it
    # (max_active_runs=1), so the hourly compaction would silently fall behind.
    hourly = dagbag.dags["lake_maintenance_hourly"]
    daily = dagbag.dags["lake_maintenance_daily"]
    for dag in (hourly, daily):
        assert dag.max_active_runs == 1, f"{dag.dag_id}: two optimize runs would conflict"
    assert hourly.dagrun_timeout < timedelta(hours=1)
    assert daily.dagrun_timeout < timedelta(days=1)
    for task in hourly.tasks:
        # Worst case: every try hits its timeout, with the retry delay between tries.
        worst = task.execution_timeout * (task.retries + 1) + task.retry_delay * task.retries
        assert worst <= hourly.dagrun_timeout, f"{task.task_id}: {worst} does not fit the hour"


def test_daily_maintenance_runs_one_statement_at_a_time_and_expires_before_orphans(dagbag):
    daily = dagbag.dags["lake_maintenance_daily"]
    # A single chain: one root, and every task has at most one task before and after it.
    for t in daily.tasks:
        assert len(t.upstream_task_ids) <= 1 and len(t.downstream_task_ids) <= 1, t.task_id
    (task,) = [t for t in daily.tasks if not t.upstream_task_ids]
    order = [task.task_id]
    while task.downstream_task_ids:
        task = daily.get_task(next(iter(task.downstream_task_ids)))
        order.append(task.task_id)
    assert len(order) == len(daily.tasks)
    for task_id in order:
        if task_id.startswith("remove_orphan_files_"):
            table = task_id.removeprefix("remove_orphan_files_")
            assert order.index(f"expire_snapshots_{table}") < order.index(task_id)
