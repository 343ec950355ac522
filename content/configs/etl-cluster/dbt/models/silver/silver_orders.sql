-- Silver, write-audit-publish step 2 of 2 (PUBLISH): lake.silver.orders, the table gold, BI
-- and features read (layout as in configs/data-storage/zones.sql), takes only rows that passed
-- the audit. `dbt build` runs this model after the tests on silver_orders__audit and skips it
-- when any error-severity test failed, so bad rows stay in lake.silver_audit.orders.
-- While publishing is held, the audit table keeps taking new batches; once the cause is fixed
-- and the tests pass, the next build publishes everything held, because the filter below
-- starts from the published table's own watermark.
{{ config(
    alias='orders',
    unique_key='order_id',
    properties={
      "format": "'PARQUET'",
      "format_version": "3",
      "partitioning": "ARRAY['month(created_at)']",
      "sorted_by": "ARRAY['order_id']",
      "parquet_bloom_filter_columns": "ARRAY['customer_id']"
    }
) }}

select
    a.order_id,
    a.customer_id,
    a.order_status,
    a.order_amount,
    a.currency_code,
    a.created_at,
    a.updated_at,
    a.is_deleted,
    a._source_lsn,
    a._ingested_at
from {{ ref('silver_orders__audit') }} as a
{% if is_incremental() %}
-- Rows the audit table took in since the last publish, with a two-hour overlap that the
-- MERGE on order_id absorbs.
inner join (
    select max(_ingested_at) - interval '2' hour as since from {{ this }}
) as watermark
    on a._ingested_at > watermark.since
-- Never let an older version overwrite a newer one already published.
where not exists (
    select 1
    from {{ this }} as t
    where t.order_id = a.order_id
      and t._source_lsn > a._source_lsn
)
{% endif %}
