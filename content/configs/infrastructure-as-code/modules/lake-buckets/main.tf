# S3 buckets of the lake, one per Lakekeeper warehouse (data-storage chapter: one warehouse per
# environment, zones are namespaces inside it) plus ML artifacts, and a log bucket for S3 server
# access logs and VPC flow logs. The catalog (Lakekeeper) stores only pointers to each table's
# current metadata file, and that metadata names every data, delete and manifest file by its full
# path. An S3 lifecycle rule that expires current objects under a table's location deletes files
# by age whether or not a snapshot still references them (a dimension written once, or a metadata
# file of a table nobody wrote to for a while), and the table then fails on read. So S3 lifecycle
# here only aborts incomplete multipart uploads, removes noncurrent versions and expired delete
# markers, tiers storage, and expires current objects under prefixes that hold no table data.
# Table data is deleted through the catalog: DROP TABLE (Lakekeeper purges the files) and
# Iceberg's expire_snapshots and remove_orphan_files (data-storage maintenance.sql for the lake
# warehouse, ci-cd workflows/scratch-retention.yml for lake-dev and sandbox).

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

variable "name" {
  description = "Prefix for bucket names, e.g. acme-dataplat-prod. Bucket names are global: include the company and environment."
  type        = string
}

variable "zones" {
  description = <<-EOT
    Buckets of the lake, keyed by a short name (the IAM module scopes roles by these keys).
    table_prefix is where the bucket's Lakekeeper warehouse keeps Iceberg tables ("" = the whole
    bucket). Current objects expire only under expire_files.prefix, which must not overlap
    table_prefix; table data is deleted through the catalog, never by S3 lifecycle.
  EOT
  type = map(object({
    table_prefix = optional(string, "") # Lakekeeper storage-profile key-prefix, with a trailing /
    expire_files = optional(object({    # null = no current object ever expires
      prefix     = string               # a prefix that holds no Iceberg table, e.g. landing-files/
      after_days = number
    }))
    noncurrent_expire_after_days   = number
    intelligent_tiering_after_days = optional(number) # null = stay in S3 Standard
    tiering_prefix                 = optional(string, "")
  }))
  default = {
    lake = {
      table_prefix                   = "warehouse/"
      expire_files                   = { prefix = "landing-files/", after_days = 21 }
      noncurrent_expire_after_days   = 7
      intelligent_tiering_after_days = 0
      tiering_prefix                 = "warehouse/"
    }
  }

  # A lifecycle filter prefix matches every key that starts with it, so an expiry prefix that is
  # empty, a parent of the table prefix or inside it would delete live Iceberg files.
  validation {
    condition = alltrue([
      # A conditional, not ||: Terraform before 1.12 evaluates both sides of ||.
      for name, zone in var.zones : zone.expire_files == null ? true : (
        endswith(zone.expire_files.prefix, "/") &&
        !startswith(zone.expire_files.prefix, zone.table_prefix) &&
        !startswith(zone.table_prefix, zone.expire_files.prefix)
      )
    ])
    error_message = "zones: expire_files.prefix must end with / and must not overlap table_prefix (\"\" means the whole bucket holds tables, so no current-object expiry is allowed there). Delete table data with DROP TABLE, expire_snapshots and remove_orphan_files instead."
  }
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets. true only in throwaway environments."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "How long S3 access logs and VPC flow logs are kept."
  type        = number
  default     = 365
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# --- One KMS key for the lake of this environment ------------------------------------------------

resource "aws_kms_key" "lake" {
  description             = "${var.name} lake zones (SSE-KMS)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "lake" {
  name          = "alias/${var.name}-lake"
  target_key_id = aws_kms_key.lake.key_id
}

# --- Log bucket ----------------------------------------------------------------------------------
# S3 server access logging cannot deliver into an SSE-KMS bucket, so this one uses SSE-S3.

resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_18:the log bucket does not log access to itself
  #checkov:skip=CKV_AWS_145:S3 server access logging cannot deliver into an SSE-KMS bucket
  bucket        = "${var.name}-logs"
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = var.log_retention_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid     = "S3ServerAccessLogs"
    actions = ["s3:PutObject"]
    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }
    resources = ["${aws_s3_bucket.logs.arn}/s3-access/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid     = "VpcFlowLogsWrite"
    actions = ["s3:PutObject"]
    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }
    resources = ["${aws_s3_bucket.logs.arn}/vpc-flow-logs/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid     = "VpcFlowLogsAclCheck"
    actions = ["s3:GetBucketAcl"]
    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }
    resources = [aws_s3_bucket.logs.arn]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

# --- Zone buckets --------------------------------------------------------------------------------

resource "aws_s3_bucket" "zone" {
  for_each = var.zones

  bucket        = "${var.name}-${each.key}"
  force_destroy = var.force_destroy

  tags = { "data-platform/zone" = each.key }
}

resource "aws_s3_bucket_ownership_controls" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id
  rule {
    object_ownership = "BucketOwnerEnforced" # ACLs off; access is IAM and bucket policy only
  }
}

resource "aws_s3_bucket_public_access_block" "zone" {
  for_each                = var.zones
  bucket                  = aws_s3_bucket.zone[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning protects against a bad job or a fat-fingered delete; the lifecycle rules below cap
# what the old versions cost.
resource "aws_s3_bucket_versioning" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.lake.arn
    }
    # S3 Bucket Keys cut KMS requests (and their cost) for the many small reads Iceberg
    # planning does.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "zone" {
  for_each      = var.zones
  bucket        = aws_s3_bucket.zone[each.key].id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "s3-access/${each.key}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id

  # Safe on table locations: Iceberg never overwrites a path, so a noncurrent version exists only
  # after a file was deleted or replaced outside Iceberg and no snapshot can reference it. Once
  # its last noncurrent version is gone, a delete marker is removed too.
  rule {
    id     = "noncurrent-and-multipart"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = each.value.noncurrent_expire_after_days
    }
    expiration {
      expired_object_delete_marker = true
    }
    # Crashed writers leave multipart uploads behind; two days is ample for any live upload.
    abort_incomplete_multipart_upload {
      days_after_initiation = 2
    }
  }

  dynamic "rule" {
    for_each = each.value.expire_files != null ? [each.value.expire_files] : []
    content {
      id     = "expire-files-outside-tables"
      status = "Enabled"
      filter {
        prefix = rule.value.prefix
      }
      expiration {
        days = rule.value.after_days
      }
    }
  }

  # Intelligent-Tiering only moves objects between access tiers; nothing is deleted.
  dynamic "rule" {
    for_each = each.value.intelligent_tiering_after_days != null ? [1] : []
    content {
      id     = "intelligent-tiering"
      status = "Enabled"
      filter {
        prefix = each.value.tiering_prefix
      }
      transition {
        days          = each.value.intelligent_tiering_after_days
        storage_class = "INTELLIGENT_TIERING"
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.zone]
}

data "aws_iam_policy_document" "zone" {
  for_each = var.zones

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.zone[each.key].arn, "${aws_s3_bucket.zone[each.key].arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid     = "DenyOldTls"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.zone[each.key].arn, "${aws_s3_bucket.zone[each.key].arn}/*"]
    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }

  # Writers may omit the header (bucket default encryption applies) but may not ask for a
  # weaker algorithm or another key. The Null conditions scope both denies to requests that send
  # the header: a negated operator such as StringNotEquals is true when the key is absent, so
  # without them every header-less PutObject (Trino, Flink and Spark by default) would be denied.
  statement {
    sid     = "DenyNonKmsEncryptionHeader"
    effect  = "Deny"
    actions = ["s3:PutObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["${aws_s3_bucket.zone[each.key].arn}/*"]
    condition {
      test     = "Null"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["false"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }

  statement {
    sid     = "DenyForeignKmsKey"
    effect  = "Deny"
    actions = ["s3:PutObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["${aws_s3_bucket.zone[each.key].arn}/*"]
    # A request that names aws:kms without a key id would get the AWS managed key (aws/s3), so
    # it is denied too: the key id must be present and be the lake key.
    condition {
      test     = "Null"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["false"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.lake.arn]
    }
  }

  # SSE-C names its algorithm in a header of its own, which the two statements above do not see
  # (as in the security chapter's s3-bucket-policy.json).
  statement {
    sid     = "DenySseC"
    effect  = "Deny"
    actions = ["s3:PutObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["${aws_s3_bucket.zone[each.key].arn}/*"]
    condition {
      test     = "Null"
      variable = "s3:x-amz-server-side-encryption-customer-algorithm"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id
  policy   = data.aws_iam_policy_document.zone[each.key].json

  depends_on = [aws_s3_bucket_public_access_block.zone]
}

output "bucket_arns" {
  description = "Zone name to bucket ARN."
  value       = { for k, b in aws_s3_bucket.zone : k => b.arn }
}

output "bucket_names" {
  value = { for k, b in aws_s3_bucket.zone : k => b.bucket }
}

output "kms_key_arn" {
  value = aws_kms_key.lake.arn
}

output "log_bucket_arn" {
  value = aws_s3_bucket.logs.arn
}
