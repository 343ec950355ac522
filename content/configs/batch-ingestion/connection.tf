# Postgres (log-based CDC) -> S3 landing zone (Parquet), managed as code with the Airbyte
# Terraform provider 1.x. Provider 1.0 replaced the typed per-connector resources
# (airbyte_source_postgres, airbyte_destination_s3, ...) with generic airbyte_source and
# airbyte_destination resources whose `configuration` is the connector's JSON spec.
#
#   export TF_VAR_airbyte_client_id=...        # from an Airbyte application (Settings > Applications)
#   export TF_VAR_airbyte_client_secret=...
#   export TF_VAR_orders_db_password=...       # or read it from Secrets Manager in your root module
#   terraform init && terraform plan
#
# On this platform the shop database is captured once, by Debezium (streaming ingestion); this
# connection shows the Airbyte path for an operational database no stream needs, written against
# the same schema so the two can be compared. Never run both against one primary.
# The destination writes the landing zone exactly as delivered (append only, one folder per
# stream and day, under landing-files/). A bronze model built from it deduplicates on
# (order_id, _ab_cdc_lsn). See content/chapters/batch-ingestion.mdx for why this connection
# does not use the S3 Data Lake (Iceberg) destination.

terraform {
  required_version = ">= 1.9"
  required_providers {
    airbyte = {
      source  = "airbytehq/airbyte"
      version = "~> 1.2.0"
    }
  }
}

provider "airbyte" {
  # Public API of the self-managed instance deployed with airbyte-values.yaml.
  server_url    = "https://airbyte.data.example.internal/api/public/v1/"
  client_id     = var.airbyte_client_id
  client_secret = var.airbyte_client_secret
}

variable "airbyte_client_id" {
  type      = string
  sensitive = true
}

variable "airbyte_client_secret" {
  type      = string
  sensitive = true
}

variable "workspace_id" {
  type        = string
  description = "Airbyte workspace that owns the sales-domain connections."
}

variable "orders_db_password" {
  type      = string
  sensitive = true
}

variable "orders_db_ca_certificate" {
  type        = string
  sensitive   = true
  description = "PEM bundle of the RDS certificate authority, for verify-full TLS."
}

locals {
  # Connector definition ids from each connector's metadata.yaml in airbytehq/airbyte.
  source_postgres_definition_id = "decd338e-5647-4c0b-adf4-da0e75f5a750"
  destination_s3_definition_id  = "4816b78f-1489-44c1-9060-4b19d5fa9362"
}

resource "airbyte_source" "orders_pg" {
  name          = "orders-pg-cdc"
  workspace_id  = var.workspace_id
  definition_id = local.source_postgres_definition_id

  # Keys of the Java source-postgres 3.x specification (spec.json). The build checks the
  # provider's attributes, not this JSON; the Bulk CDK rewrite of the connector spells the SSL
  # mode verify_full and has no plugin, initial_waiting_seconds or lsn_commit_behaviour, so
  # compare the specification of the connector version you run before applying.
  configuration = jsonencode({
    # Logical replication reads the primary's WAL, so this is the writer endpoint. The steady-state
    # cost is one walsender; schedule the first sync (the initial snapshot) off-peak.
    host     = "shop-db.cluster-example.eu-central-1.rds.amazonaws.com"
    port     = 5432
    database = "shop"
    schemas  = ["sales"]
    username = "airbyte_cdc"
    password = var.orders_db_password
    ssl_mode = {
      mode           = "verify-full"
      ca_certificate = var.orders_db_ca_certificate
    }
    replication_method = {
      method           = "CDC"
      plugin           = "pgoutput"
      replication_slot = "airbyte_sales"
      publication      = "airbyte_sales"
      # Wait up to 5 minutes for the first change event before ending an empty sync.
      initial_waiting_seconds = 300
      # Advance the slot only after the destination committed, so a failed load re-reads WAL
      # instead of losing it (the other option forces a full re-sync after a failure).
      lsn_commit_behaviour = "After loading Data in the destination"
    }
  })

  # Initial snapshots of large tables need more than the instance-wide default.
  resource_allocation = {
    default = {
      cpu_request    = "1"
      cpu_limit      = "2"
      memory_request = "2Gi"
      memory_limit   = "4Gi"
    }
  }
}

resource "airbyte_destination" "landing_s3" {
  name          = "lake-landing-sales"
  workspace_id  = var.workspace_id
  definition_id = local.destination_s3_definition_id

  configuration = jsonencode({
    # No access keys: the S3 destination falls back to the instance's AWS credentials when the
    # key fields are empty (airbytehq/airbyte PR 9399); confirm with a connection check on your
    # connector version. role_arn is only honoured by Airbyte Cloud.
    s3_bucket_name   = "acme-lake"
    s3_bucket_path   = "landing-files/airbyte"
    s3_bucket_region = "eu-central-1"
    # Hive-style date folders let the bronze job and S3 lifecycle rules work per day.
    s3_path_format    = "$${NAMESPACE}/$${STREAM_NAME}/dt=$${YEAR}-$${MONTH}-$${DAY}/"
    file_name_pattern = "{sync_id}_{part_number}"
    format = {
      format_type = "Parquet"
      # zstd: small files and cheap decode; 128 MB row groups keep reads efficient.
      compression_codec = "ZSTD"
      block_size_mb     = 128
    }
  })
}

resource "airbyte_connection" "orders_to_landing" {
  name           = "sales.orders -> landing"
  source_id      = airbyte_source.orders_pg.source_id
  destination_id = airbyte_destination.landing_s3.destination_id
  status         = "active"

  # Land everything under one namespace per source system, not per source schema.
  namespace_definition = "custom_format"
  namespace_format     = "sales_pg"
  prefix               = ""

  # New, removed and retyped columns propagate to landing; the bronze load checks types against
  # the source contract and fails loudly. New tables in the source schema are NOT added
  # (propagate_fully would add them): they need a contract first. Removing a stream's primary
  # key or cursor column is a breaking change and pauses the connection.
  non_breaking_schema_updates_behavior = "propagate_columns"

  schedule = {
    schedule_type = "cron"
    # Quartz syntax: every 15 minutes. CDC syncs are cheap when nothing changed.
    cron_expression = "0 0/15 * * * ?"
  }

  configurations = {
    streams = [
      {
        name      = "orders"
        namespace = "sales"
        # Append every change record; deduplication happens in bronze, so landing keeps the
        # full change history and a replay never depends on destination-side merges.
        sync_mode   = "incremental_append"
        primary_key = [["order_id"]]
      },
      {
        name        = "order_lines"
        namespace   = "sales"
        sync_mode   = "incremental_append"
        primary_key = [["order_id"], ["line_no"]]
      },
      {
        # Small reference table without a reliable cursor: replace it on every sync.
        name      = "currencies"
        namespace = "sales"
        sync_mode = "full_refresh_overwrite"
      },
    ]
  }
}

output "orders_connection_id" {
  value = airbyte_connection.orders_to_landing.connection_id
}
