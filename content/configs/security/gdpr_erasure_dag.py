"""Right-to-erasure pipeline for the Iceberg lake (Airflow 3, Trino 483, Iceberg tables on S3).

A DELETE in Iceberg only hides rows: the old data files stay in earlier snapshots, and with S3
versioning the objects stay as noncurrent versions. Erasure is therefore a pipeline with a
clock, run daily:

  day 0   claim approved requests into a batch, record which data files hold the subjects,
          DELETE the rows, then OPTIMIZE the files carrying deletes, whatever their size, and
          check that the current snapshot no longer lists any recorded file
  day 7+  expire_snapshots and remove_orphan_files delete the old files (Trino refuses a
          retention below iceberg.expire-snapshots.min-retention, 7 days by default)
  day 14+ S3 lifecycle removes noncurrent versions (NoncurrentDays = 7 on the lake bucket,
          see the data-storage s3-lifecycle.json)
  day 16+ verify every recorded file is gone, in every version, then mark the batch erased

That finishes well inside the one-month answer period of GDPR Art. 12(3).
The Trino connection authenticates as service-account-maintenance (see trino/rules.json).
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlparse

import pendulum
from airflow.providers.amazon.aws.hooks.s3 import S3Hook
from airflow.providers.trino.hooks.trino import TrinoHook
from airflow.sdk import dag, task

TRINO_CONN_ID = "trino_maintenance"
AWS_CONN_ID = "aws_lake_maintenance"

# Tables that hold personal data and the column that carries the data subject's id (the
# tables of the data-storage zones.sql). A table missing here is a table the erasure does not
# reach: in practice generate the list from the catalog's PII tags and fail CI when a tagged
# table has no entry. In the blueprint, tests/unit/config/lake-tables.test.ts fails when a
# zones.sql table with customer_id is missing. Requests, batches and file records live in
# lake.ops (zones.sql).
PII_TABLES: dict[str, str] = {
    "lake.landing.cdc_shop_orders": "customer_id",
    "lake.bronze.orders": "customer_id",
    "lake.silver.orders": "customer_id",
    # silver's write-audit-publish copy (dbt's silver_orders__audit): the same rows, unpublished.
    "lake.silver_audit.orders": "customer_id",
    "lake.silver.customers": "customer_id",
    "lake.gold.customer_order_features": "customer_id",
}

SNAPSHOT_RETENTION = "7d"
VERIFY_AFTER = timedelta(days=16)
# In Trino 483 optimize applies file_size_threshold only to files without deletes
# (IcebergSplitSource.pruneFileScanTask): a file carrying a deletion vector or delete file is
# rewritten whatever its size. After the DELETE every recorded file carries one, so a threshold
# of one byte rewrites exactly the files with deletes (the recorded ones, and any other file a
# MERGE left deletes on) and leaves every file without deletes alone, with no list of paths.
# With no "$path" filter the rewrite also drops the delete files it has applied.
REWRITE_THRESHOLD = "1B"
# Paths per check query: keeps each query's IN list small.
PATHS_PER_CHECK = 500


def _sql_string(value: str) -> str:
    """Quote a value as a Trino string literal, for the IN lists of the $files checks."""
    return "'" + value.replace("'", "''") + "'"


def _files_table(table: str) -> str:
    """The Iceberg $files metadata table of catalog.schema.table."""
    catalog, schema, name = table.split(".")
    return f'{catalog}.{schema}."{name}$files"'


def _trino() -> TrinoHook:
    return TrinoHook(trino_conn_id=TRINO_CONN_ID)


@dag(
    dag_id="gdpr_erasure",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
    tags=["security", "gdpr"],
)
def gdpr_erasure():
    @task
    def claim_batch(**context) -> str | None:
        """Move approved requests into a new batch so a request is processed exactly once."""
        batch_id = context["run_id"]
        hook = _trino()
        hook.run(
            "INSERT INTO lake.ops.erasure_batches (batch_id, subject_id, claimed_at) "
            "SELECT ?, subject_id, current_timestamp FROM lake.ops.erasure_requests "
            "WHERE status = 'approved'",
            parameters=(batch_id,),
        )
        hook.run(
            "UPDATE lake.ops.erasure_requests SET status = 'in_progress' "
            "WHERE subject_id IN (SELECT subject_id FROM lake.ops.erasure_batches "
            "WHERE batch_id = ?)",
            parameters=(batch_id,),
        )
        count = hook.get_first(
            "SELECT count(*) FROM lake.ops.erasure_batches WHERE batch_id = ?",
            parameters=(batch_id,),
        )[0]
        return batch_id if count else None

    @task
    def delete_and_rewrite(batch_id: str | None) -> None:
        """Record the files that hold each subject, delete the rows, rewrite the files."""
        if batch_id is None:
            return
        hook = _trino()
        subjects = (
            "SELECT subject_id FROM lake.ops.erasure_batches WHERE batch_id = ?"
        )
        for table, key in PII_TABLES.items():
            hook.run(
                "INSERT INTO lake.ops.erasure_files (batch_id, table_name, file_path) "
                f'SELECT DISTINCT ?, ?, "$path" FROM {table} WHERE {key} IN ({subjects})',
                parameters=(batch_id, table, batch_id),
            )
            hook.run(f"DELETE FROM {table} WHERE {key} IN ({subjects})", parameters=(batch_id,))
            paths = [
                row[0]
                for row in hook.get_records(
                    "SELECT DISTINCT file_path FROM lake.ops.erasure_files "
                    "WHERE batch_id = ? AND table_name = ?",
                    parameters=(batch_id, table),
                )
            ]
            # Each recorded file now carries deletes, so optimize rewrites it without the
            # deleted rows, whatever its size (see REWRITE_THRESHOLD).
            if paths:
                hook.run(
                    f"ALTER TABLE {table} EXECUTE optimize("
                    f"file_size_threshold => '{REWRITE_THRESHOLD}')"
                )
            # Prove the day-0 step rather than trust the rewrite rule: the current snapshot must
            # reference none of the recorded files.
            for start in range(0, len(paths), PATHS_PER_CHECK):
                chunk = ", ".join(_sql_string(p) for p in paths[start : start + PATHS_PER_CHECK])
                live = hook.get_first(
                    f"SELECT count(*) FROM {_files_table(table)} WHERE file_path IN ({chunk})"
                )[0]
                if live:
                    raise RuntimeError(f"{table}: {live} recorded file(s) live after optimize")

    @task
    def expire_and_clean() -> None:
        """Drop snapshots older than the retention floor and the files only they referenced."""
        hook = _trino()
        for table in PII_TABLES:
            hook.run(
                f"ALTER TABLE {table} EXECUTE expire_snapshots("
                f"retention_threshold => '{SNAPSHOT_RETENTION}')"
            )
            hook.run(
                f"ALTER TABLE {table} EXECUTE remove_orphan_files("
                f"retention_threshold => '{SNAPSHOT_RETENTION}')"
            )

    @task
    def verify_old_batches() -> list[str]:
        """Prove erasure: no recorded file may exist in S3 in any version."""
        hook = _trino()
        s3 = S3Hook(aws_conn_id=AWS_CONN_ID).get_conn()
        cutoff = pendulum.now("UTC") - VERIFY_AFTER
        # Start from the batches, not from the recorded files: a batch whose subjects matched
        # no data file recorded no files, and must still be marked erased, or the day-20
        # alarm on unfinished batches fires for it.
        batches = [
            row[0]
            for row in hook.get_records(
                "SELECT DISTINCT batch_id FROM lake.ops.erasure_batches "
                "WHERE claimed_at < ? AND erased_at IS NULL",
                parameters=(cutoff.naive(),),
            )
        ]
        files = hook.get_records(
            "SELECT DISTINCT f.batch_id, f.file_path FROM lake.ops.erasure_files f "
            "JOIN lake.ops.erasure_batches b ON b.batch_id = f.batch_id "
            "WHERE b.claimed_at < ? AND b.erased_at IS NULL",
            parameters=(cutoff.naive(),),
        )
        still_present: dict[str, list[str]] = {}
        for batch_id, path in files:
            url = urlparse(path)
            key = url.path.lstrip("/")
            listing = s3.list_object_versions(Bucket=url.netloc, Prefix=key)
            # Delete markers carry no data; any remaining version of the exact key does.
            if any(v["Key"] == key for v in listing.get("Versions", [])):
                still_present.setdefault(batch_id, []).append(path)
        done = sorted(set(batches) - still_present.keys())
        for batch_id in done:
            hook.run(
                "UPDATE lake.ops.erasure_batches SET erased_at = current_timestamp "
                "WHERE batch_id = ?",
                parameters=(batch_id,),
            )
            hook.run(
                "UPDATE lake.ops.erasure_requests SET status = 'erased' "
                "WHERE subject_id IN (SELECT subject_id FROM lake.ops.erasure_batches "
                "WHERE batch_id = ?)",
                parameters=(batch_id,),
            )
        if still_present:
            # Fail loudly: an erasure that cannot be proven is an incident, not a warning.
            raise RuntimeError(f"files still present for batches: {sorted(still_present)}")
        return done

    batch = claim_batch()
    rewritten = delete_and_rewrite(batch)
    cleaned = expire_and_clean()
    rewritten >> cleaned >> verify_old_batches()


gdpr_erasure()
