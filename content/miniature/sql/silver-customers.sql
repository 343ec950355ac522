-- Bronze -> silver, customers: one row per customer, current state, conformed and
-- pseudonymised, maintained by an incremental MERGE of this run's changes.
--   in:  bronze_customers_batch   this run's versions (typed in bronze)
--        silver_customers         the published silver table (empty on the first run)
--   out: silver_customers_applied the changes that won: newer than what silver holds
-- The e-mail address never reaches silver: a keyed hash stands in for it (sha256 over a secret
-- prefix here; HMAC-SHA-256 with the key in a secret store in production). Names stay in bronze.
CREATE TABLE IF NOT EXISTS silver_customers (
  customer_id  BIGINT,
  email_hash   VARCHAR,
  country_code VARCHAR,
  signup_date  DATE,
  updated_at   TIMESTAMPTZ,
  _merged_ds   DATE  -- the run that last changed this row
);

CREATE OR REPLACE TABLE silver_customers_changes AS
SELECT
  customer_id,
  sha256(getvariable('pseudonym_key') || lower(trim(email))) AS email_hash,
  upper(trim(country_code)) AS country_code,
  CAST(created_at AS DATE) AS signup_date,
  updated_at
FROM bronze_customers_batch
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC) = 1;

-- A version older than the one silver holds (a rerun, a backfill, a late delivery) never wins.
CREATE OR REPLACE TABLE silver_customers_applied AS
SELECT c.*
FROM silver_customers_changes AS c
LEFT JOIN silver_customers AS s USING (customer_id)
WHERE s.customer_id IS NULL OR c.updated_at > s.updated_at;

MERGE INTO silver_customers AS s
USING silver_customers_applied AS c
ON s.customer_id = c.customer_id
WHEN MATCHED THEN UPDATE SET
  email_hash = c.email_hash,
  country_code = c.country_code,
  signup_date = c.signup_date,
  updated_at = c.updated_at,
  _merged_ds = getvariable('run_date')
WHEN NOT MATCHED THEN INSERT
  (customer_id, email_hash, country_code, signup_date, updated_at, _merged_ds)
  VALUES (c.customer_id, c.email_hash, c.country_code, c.signup_date, c.updated_at,
          getvariable('run_date'));
