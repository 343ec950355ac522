-- Write-audit-publish for silver orders, step 1 of 2: WRITE into an audit table that no
-- consumer reads (lake.silver_audit.orders in prod). The tests in silver_orders.yml run
-- against this table; only when they pass does dbt build run the publish model
-- silver_orders.sql, because `dbt build` skips every child of a resource whose
-- error-severity test failed.
--
-- To adopt it in the ETL project (configs/etl-cluster/dbt), this file replaces the body of
-- models/silver/silver_orders.sql (same logic, different target), silver_orders.sql from
-- this folder becomes the new models/silver/silver_orders.sql, and the unit test
-- silver_orders_keeps_latest_change_per_order moves to this model.
{{ config(
    schema='silver_audit',
    alias='orders',
    unique_key='order_id',
    properties={
      "format": "'PARQUET'",
      "format_version": "3",
      "partitioning": "ARRAY['month(created_at)']",
      "sorted_by": "ARRAY['order_id']"
    }
) }}

with changed as (

    select b.*
    from {{ ref('bronze_orders') }} as b
    {% if is_incremental() %}
    -- Two-hour overlap on the audit table's own watermark; the MERGE absorbs rows read twice.
    inner join (
        select max(_ingested_at) - interval '2' hour as since from {{ this }}
    ) as watermark
        on b._ingested_at > watermark.since
    {% endif %}

),

latest as (

    select
        *,
        -- The WAL position orders the changes of one row; arrival time does not.
        row_number() over (partition by order_id order by source_lsn desc) as version_rank
    from changed

)

select
    l.order_id,
    l.customer_id,
    lower(trim(l.status)) as order_status,
    l.amount as order_amount,
    upper(l.currency) as currency_code,
    l.created_at,
    l.updated_at,
    l.is_deleted,
    l.source_lsn as _source_lsn,
    l._ingested_at
from latest as l
where l.version_rank = 1
{% if is_incremental() %}
    -- Never let an older change that arrives late overwrite a newer one already merged.
    and not exists (
        select 1
        from {{ this }} as t
        where t.order_id = l.order_id
          and t._source_lsn > l.source_lsn
    )
{% endif %}
