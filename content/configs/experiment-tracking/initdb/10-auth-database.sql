-- Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d).
-- The basic-auth app keeps users and per-experiment / per-model permissions in its own
-- database, so run metadata and access rules can be backed up and restored separately.
-- The entrypoint runs this as POSTGRES_USER (mlflow), which therefore owns the database.
CREATE DATABASE mlflow_auth;
