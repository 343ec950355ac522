-- Silver, write-audit-publish step 1 of 2 (WRITE): one row per order in its latest state,
-- typed and cleaned, merged on order_id into the audit table lake.silver_audit.orders, which
-- no consumer reads. The tests in _silver__models.yml run against this table; the publish
-- model silver_orders.sql is its child, so `dbt build` skips it when an error-severity test
-- here fails, and lake.silver.orders keeps the last good state.
-- unique_key makes reruns idempotent: a retried or backfilled run updates the same rows.
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
    -- Two-hour overlap on the audit table's own watermark: changes promoted late are picked up
    -- on the next run; the MERGE absorbs the rows read twice.
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
    -- Deletes in the source stay as rows flagged is_deleted (the table uses REPLICA IDENTITY
    -- FULL, so a delete event carries the whole row); gold leaves them out.
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
