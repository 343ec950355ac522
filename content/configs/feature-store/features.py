"""Feature definitions for card-fraud scoring (Feast, offline store = Trino over Iceberg).

The feature *values* are computed upstream by dbt on Trino into the gold zone, one row per
entity per day (or per streaming update). This file only declares what exists, how to join it
point-in-time correctly, how long a value stays valid, and which features a model consumes.
`feast apply` registers it; `feast materialize-incremental` copies the latest values to Redis.
"""

from datetime import timedelta

import pandas as pd
from feast import (
    Entity,
    FeatureService,
    FeatureView,
    Field,
    PushSource,
    RequestSource,
    ValueType,
)
from feast.infra.offline_stores.contrib.trino_offline_store.trino_source import TrinoSource
from feast.on_demand_feature_view import on_demand_feature_view
from feast.types import Float64, Int64

OWNER = "ml-platform@example.com"

# --- Entities: the join keys shared by training data and online requests -----------------

customer = Entity(
    name="customer",
    join_keys=["customer_id"],
    value_type=ValueType.INT64,
    description="Card holder; customer_id is the surrogate key from the silver customers table.",
    owner=OWNER,
)

merchant = Entity(
    name="merchant",
    join_keys=["merchant_id"],
    value_type=ValueType.STRING,
    description="Acquirer merchant id as sent in the authorisation request.",
    owner=OWNER,
)

# --- Sources: gold-zone Iceberg tables, read through Trino ------------------------------

# One row per customer per day, written by the dbt model gold.fs_customer_txn_daily.
# event_ts = end of the window the aggregate covers (the moment the value became true);
# updated_at = when the row was written, used to pick the newest row when a day is restated.
customer_txn_daily_source = TrinoSource(
    name="customer_txn_daily",
    table="lake.gold.fs_customer_txn_daily",
    timestamp_field="event_ts",
    created_timestamp_column="updated_at",
    description="Daily rolling transaction aggregates per customer (dbt, gold zone).",
    owner=OWNER,
)

merchant_risk_daily_source = TrinoSource(
    name="merchant_risk_daily",
    table="lake.gold.fs_merchant_risk_daily",
    timestamp_field="event_ts",
    created_timestamp_column="updated_at",
    description="Daily chargeback and refund rates per merchant (dbt, gold zone).",
    owner=OWNER,
)

# Streaming velocity features: Flink computes 10-minute counts and pushes them to the
# feature server's /push endpoint (online store only: the Trino offline store cannot accept
# writes). Flink also lands the same rows in gold.fs_customer_velocity, which is the batch
# source used for training and backfills, so training and serving read identical values.
customer_velocity_push = PushSource(
    name="customer_velocity_push",
    batch_source=TrinoSource(
        name="customer_velocity_batch",
        table="lake.gold.fs_customer_velocity",
        timestamp_field="event_ts",
        created_timestamp_column="updated_at",
        owner=OWNER,
    ),
    owner=OWNER,
)

# --- Feature views ----------------------------------------------------------------------

customer_txn_daily = FeatureView(
    name="customer_txn_daily",
    entities=[customer],
    # A daily value older than two days means the pipeline is broken: training sets get null
    # rather than a stale number (the model treats null as "unknown"). Feast applies this TTL
    # only to the offline join; online reads ignore it, so the serving code nulls values whose
    # event timestamp is older than two days.
    ttl=timedelta(days=2),
    schema=[
        Field(name="txn_count_7d", dtype=Int64),
        Field(name="txn_amount_sum_7d", dtype=Float64),
        Field(name="txn_amount_avg_30d", dtype=Float64),
        Field(name="distinct_merchants_30d", dtype=Int64),
        Field(name="declined_ratio_30d", dtype=Float64),
    ],
    source=customer_txn_daily_source,
    online=True,
    tags={"domain": "payments", "pii": "false", "gold_model": "fs_customer_txn_daily"},
    owner=OWNER,
)

merchant_risk_daily = FeatureView(
    name="merchant_risk_daily",
    entities=[merchant],
    ttl=timedelta(days=3),
    schema=[
        Field(name="chargeback_rate_90d", dtype=Float64),
        Field(name="refund_rate_30d", dtype=Float64),
        Field(name="txn_count_30d", dtype=Int64),
    ],
    source=merchant_risk_daily_source,
    online=True,
    tags={"domain": "payments", "pii": "false", "gold_model": "fs_merchant_risk_daily"},
    owner=OWNER,
)

customer_velocity = FeatureView(
    name="customer_velocity",
    entities=[customer],
    # Velocity is only meaningful while fresh.
    ttl=timedelta(minutes=30),
    schema=[
        Field(name="txn_count_10m", dtype=Int64),
        Field(name="txn_amount_sum_10m", dtype=Float64),
    ],
    source=customer_velocity_push,
    online=True,
    tags={"domain": "payments", "pii": "false", "producer": "flink:customer-velocity"},
    owner=OWNER,
)

# --- Request-time features: computed identically in training and serving ---------------

authorisation_request = RequestSource(
    name="authorisation_request",
    schema=[Field(name="amount", dtype=Float64)],
    owner=OWNER,
)


@on_demand_feature_view(
    sources=[customer_txn_daily, authorisation_request],
    schema=[Field(name="amount_to_avg_30d", dtype=Float64)],
    mode="pandas",
    owner=OWNER,
)
def amount_vs_history(inputs: pd.DataFrame) -> pd.DataFrame:
    """Ratio of this authorisation's amount to the customer's 30-day average amount.

    Defined once here instead of in the serving code, so the training set and the online
    request apply the same arithmetic (the most common source of training-serving skew).
    """
    out = pd.DataFrame()
    avg = inputs["txn_amount_avg_30d"].where(inputs["txn_amount_avg_30d"] > 0)
    out["amount_to_avg_30d"] = (inputs["amount"] / avg).fillna(-1.0)
    return out


# --- Feature services: the exact feature list one model version consumes ----------------

# Versioned by name: a new model that needs different features gets a new service, so the
# model in production keeps reading exactly what it was trained on.
fraud_scorer_v3 = FeatureService(
    name="fraud_scorer_v3",
    features=[
        customer_txn_daily,
        merchant_risk_daily[["chargeback_rate_90d", "refund_rate_30d"]],
        customer_velocity,
        amount_vs_history,
    ],
    tags={"mlflow_registered_model": "fraud-scorer"},
    owner=OWNER,
)
