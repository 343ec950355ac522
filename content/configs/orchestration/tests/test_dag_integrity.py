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
