-- Bronze: the landing change log typed and deduplicated, one row per (order_id, source_lsn),
-- stored as lake.bronze.orders with the layout of configs/data-storage/zones.sql.
-- Append-only: silver builds current state from it, and it can rebuild silver at any time.
{{ config(
    alias='orders',
    properties={
      "format": "'PARQUET'",
      "format_version": "3",
      "partitioning": "ARRAY['day(change_ts)']",
      "sorted_by": "ARRAY['order_id']"
    }
) }}

with new_changes as (

    select
        l.*,
        row_number() over (
            partition by l.order_id, l.source_lsn
            order by l.ingested_at
        ) as copy_rank
    from {{ source('landing', 'cdc_shop_orders') }} as l
    {% if is_incremental() %}
    -- One hour of overlap: Flink stamps ingested_at when it processes a row but commits at the
    -- next checkpoint, so a row can become visible after a later one was already loaded. A
    -- one-row join rather than a scalar subquery lets Trino turn the range into a dynamic filter.
    inner join (
        select max(_ingested_at) - interval '1' hour as since from {{ this }}
    ) as watermark
        on l.ingested_at > watermark.since
    {% endif %}

)

select
    n.order_id,
    n.customer_id,
    n.status,
    try_cast(n.amount as decimal(18, 2)) as amount,
    n.currency,
    cast(from_iso8601_timestamp(n.created_at) as timestamp(6) with time zone) as created_at,
    cast(from_iso8601_timestamp(n.updated_at) as timestamp(6) with time zone) as updated_at,
    n.change_op,
    n.change_ts,
    n.source_lsn,
    n.is_deleted,
    n.ingested_at as _ingested_at,
    current_timestamp(6) as _loaded_at
from new_changes as n
where n.copy_rank = 1
    -- Business-rule violations landed (landing keeps what was received) but stop here; the
    -- streaming job already kept them out of the real-time topic.
    and (
        n.is_deleted
        or (try_cast(n.amount as decimal(18, 2)) >= 0 and length(n.currency) = 3)
    )
{% if is_incremental() %}
    -- The overlap re-reads rows already in bronze; skip them so bronze stays one row per change.
    and not exists (
        select 1
        from {{ this }} as b
        where b.order_id = n.order_id
          and b.source_lsn = n.source_lsn
          and b.change_ts = n.change_ts
    )
{% endif %}
