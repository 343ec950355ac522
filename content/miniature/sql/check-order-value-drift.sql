-- Gate silver -> gold, warn-only: has the average order value of the day moved more than 25 %
-- from the seven days before? Often a real change (a sale, a new market) rather than wrong
-- data, so it is reported and audited without stopping the day. Every row returned is a warning.
WITH day AS (
  SELECT avg(amount) AS average FROM silver_orders WHERE order_date = getvariable('run_date')
),
week_before AS (
  SELECT avg(amount) AS average
  FROM silver_orders
  WHERE order_date >= getvariable('run_date') - INTERVAL 7 DAY
    AND order_date < getvariable('run_date')
)
SELECT round(day.average, 2) AS day_average, round(week_before.average, 2) AS week_before_average
FROM day, week_before
WHERE abs(day.average - week_before.average) > 0.25 * week_before.average
