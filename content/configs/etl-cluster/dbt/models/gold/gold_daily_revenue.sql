-- Gold: revenue per day and currency for dashboards and notebooks, stored as
-- lake.gold.daily_revenue. delete+insert on the grain recomputes whole days: every run
-- rebuilds the last three days from silver, so late status changes (cancellations) land in gold.
{{ config(
    alias='daily_revenue',
    unique_key=['order_date', 'currency_code'],
    properties={
      "format": "'PARQUET'",
      "format_version": "3",
      "partitioning": "ARRAY['year(order_date)']",
      "sorted_by": "ARRAY['order_date', 'currency_code']"
    }
) }}

select
    cast(o.created_at as date) as order_date,
    o.currency_code,
    count(*) as orders_total,
    sum(case when o.order_status = 'cancelled' then 1 else 0 end) as orders_cancelled,
    cast(
        sum(case when o.order_status <> 'cancelled' then o.order_amount else 0 end)
        as decimal(38, 2)
    ) as revenue,
    count(distinct o.customer_id) as customers,
    current_timestamp(6) as _built_at
from {{ ref('silver_orders') }} as o
{% if is_incremental() %}
inner join (
    select max(order_date) - interval '3' day as since from {{ this }}
) as window_start
    on cast(o.created_at as date) >= window_start.since
{% endif %}
where not o.is_deleted
group by 1, 2
