-- Bronze: the landing rows as received, stored as an Iceberg table with load metadata.
-- Append-only; silver deduplicates. Partitioned by extraction day so the incremental
-- filter below prunes to the newest partitions.
{{ config(
    properties={
      "format": "'PARQUET'",
      "partitioning": "ARRAY['day(_extracted_at)']"
    }
) }}

select
    src.order_id,
    src.customer_id,
    src.status,
    src.currency,
    src.amount,
    src.country_code,
    src.created_at,
    src.updated_at,
    src._airbyte_raw_id as _raw_id,
    src._airbyte_extracted_at as _extracted_at,
    current_timestamp(6) as _loaded_at
from {{ source('landing_shop', 'orders') }} as src
{% if is_incremental() %}
-- Airbyte stamps every sync with a later extraction time, so "newer than the newest row
-- already in bronze" picks up exactly the syncs not yet loaded. A one-row join rather than
-- a scalar subquery: Trino turns the range condition into a dynamic filter on the scan.
inner join (
    select max(_extracted_at) as max_extracted_at from {{ this }}
) as watermark
    on src._airbyte_extracted_at > watermark.max_extracted_at
{% endif %}
