-- Singular test, and the silver-to-gold gate of the data-quality chapter: returns the days of
-- the last week where gold revenue differs from a fresh aggregation of silver by more than one
-- cent. Any row fails the build, so the publish task in Airflow never runs on a wrong gold.
with silver_totals as (

    select
        cast(created_at as date) as order_date,
        currency_code,
        sum(case when order_status <> 'cancelled' then order_amount else 0 end) as revenue
    from {{ ref('silver_orders') }}
    where cast(created_at as date) >= current_date - interval '7' day
      and not is_deleted
    group by 1, 2

),

gold_totals as (

    select order_date, currency_code, revenue
    from {{ ref('gold_daily_revenue') }}
    where order_date >= current_date - interval '7' day

)

select
    s.order_date,
    s.currency_code,
    s.revenue as silver_revenue,
    g.revenue as gold_revenue
from silver_totals as s
left join gold_totals as g
    on g.order_date = s.order_date
    and g.currency_code = s.currency_code
where g.revenue is null
   or abs(s.revenue - g.revenue) > 0.01
