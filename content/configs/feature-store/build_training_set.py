"""Build a point-in-time correct training set and record its lineage in MLflow.

Run from the feature repository (next to feature_store.yaml) by the training DAG:

    python build_training_set.py --start 2026-08-01 --end 2026-11-01

Each label row (an authorisation and whether it turned out to be fraud) is joined to the
feature values that were known *at the authorisation time*, never later ones. The run then
records which feature service, which entity query and which Iceberg snapshots produced the
data, so the model in the registry can be traced back to exact table versions (when no
commit landed during the join; otherwise to the saved copy of the training set).
"""

import argparse
import os
from datetime import date

import mlflow
import trino
from feast import FeatureStore

FEATURE_SERVICE = "fraud_scorer_v3"
SOURCE_TABLES = [
    "gold.fs_customer_txn_daily",
    "gold.fs_merchant_risk_daily",
    "gold.fs_customer_velocity",
]

# Labels come from silver: one row per authorisation, with the fraud flag settled after the
# 60-day chargeback window. The event timestamp column tells Feast "as of when" to join.
ENTITY_SQL = """
SELECT
    a.customer_id,
    a.merchant_id,
    a.amount,
    a.authorised_at AS event_timestamp,
    a.is_fraud
FROM lake.silver.card_authorisations AS a
WHERE a.authorised_at >= TIMESTAMP '{start} 00:00:00 UTC'
  AND a.authorised_at <  TIMESTAMP '{end} 00:00:00 UTC'
  AND a.label_settled
"""


def current_snapshots(tables: list[str]) -> dict[str, int]:
    """Return the current Iceberg snapshot id of each table, read through Trino."""
    conn = trino.dbapi.connect(
        host=os.environ["TRINO_HOST"],
        port=443,
        http_scheme="https",
        user="service-account-feast",
        auth=trino.auth.JWTAuthentication(os.environ["TRINO_JWT"]),
        catalog="lake",
    )
    cur = conn.cursor()
    snapshots = {}
    for table in tables:
        schema, name = table.split(".")
        # The main branch's ref is the current snapshot; the newest row of $snapshots is not
        # after a rollback.
        cur.execute(f"SELECT snapshot_id FROM lake.{schema}.\"{name}$refs\" WHERE name = 'main'")
        snapshots[table] = cur.fetchone()[0]
    return snapshots


def main() -> None:
    parser = argparse.ArgumentParser()
    # Parsed as dates, so the entity SQL below only ever receives a date, formatted YYYY-MM-DD.
    parser.add_argument(
        "--start",
        required=True,
        type=date.fromisoformat,
        help="first authorisation day, YYYY-MM-DD",
    )
    parser.add_argument(
        "--end",
        required=True,
        type=date.fromisoformat,
        help="day after the last one, YYYY-MM-DD",
    )
    args = parser.parse_args()

    store = FeatureStore(repo_path=".")
    entity_sql = ENTITY_SQL.format(start=args.start, end=args.end)

    # Feast reads the tables as they are when Trino runs the join, not at a pinned snapshot,
    # so the ids are read before and after it: if a commit landed in between, the recorded
    # ids do not name the data used, and the run says so.
    snapshots = current_snapshots(SOURCE_TABLES)

    # Passing the entity set as SQL keeps the join inside Trino; a pandas entity dataframe
    # would first be uploaded row batch by row batch into the staging schema.
    job = store.get_historical_features(
        entity_df=entity_sql,
        features=store.get_feature_service(FEATURE_SERVICE),
    )
    training_df = job.to_df()
    snapshots_stable = current_snapshots(SOURCE_TABLES) == snapshots

    mlflow.set_experiment("fraud-scorer")
    with mlflow.start_run(run_name=f"training-set-{args.start}-{args.end}"):
        dataset = mlflow.data.from_pandas(
            training_df,
            name=f"fraud_training_{args.start}_{args.end}",
            targets="is_fraud",
        )
        mlflow.log_input(dataset, context="training")
        mlflow.log_params(
            {
                "feature_service": FEATURE_SERVICE,
                "label_window_start": args.start,
                "label_window_end": args.end,
                "training_rows": len(training_df),
            }
        )
        mlflow.set_tags({f"iceberg_snapshot.{t}": str(s) for t, s in snapshots.items()})
        # "false" means a source table changed during the join: trust the saved copy below,
        # not the snapshot ids.
        mlflow.set_tag("iceberg_snapshots_stable", str(snapshots_stable).lower())
        # The exact SQL Feast generated for the point-in-time join, for audits and replays.
        mlflow.log_text(job.to_sql(), "lineage/training_set.sql")
        mlflow.log_text(entity_sql, "lineage/entity_query.sql")
        # Snapshot ids alone do not guarantee a replay: the lake's snapshot expiry removes old
        # snapshots after days. Keep a copy with the run (for sets beyond a few GB, write it to
        # a dedicated Iceberg table with its own retention and log that table's name instead).
        training_df.to_parquet("training_set.parquet", index=False)
        mlflow.log_artifact("training_set.parquet", artifact_path="data")


if __name__ == "__main__":
    main()
