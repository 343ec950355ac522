# Workload IAM for the platform: one role per workload, bound to a Kubernetes service account
# with EKS Pod Identity and scoped to the lake buckets (or bucket/prefix) it reads and writes.
# Query engines get Iceberg data through credentials Lakekeeper vends per table, so only the
# catalog may read and write the warehouses; the others touch raw files or artifacts.
#
# Lakekeeper on AWS vends credentials by calling sts:AssumeRole on a role with a session policy
# for one table, and by default a warehouse whose credentials come from the environment (here
# EKS Pod Identity) must name such a role (storage-profile assume-role-arn) and an external ID
# (Lakekeeper v0.13.3 storage.md and configuration.md). So for a workload with
# storage_role_external_id the bucket rights sit on a second "storage" role, and the Pod
# Identity role may only assume it.
#
# The CI roles and the permissions boundary are guardrails and live in ../../bootstrap, which
# only administrators apply. No IAM users and no access keys anywhere.

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
  description = "Prefix for role names, e.g. dataplat-prod."
  type        = string
}

variable "cluster_name" {
  type = string
}

variable "lake_bucket_arns" {
  description = "Zone name to bucket ARN, from the lake-buckets module."
  type        = map(string)
}

variable "lake_kms_key_arn" {
  type = string
}

variable "workloads" {
  description = <<-EOT
    Workloads that need AWS access, keyed by name. read_zones and write_zones name lake buckets
    by their key, optionally with a prefix: "lake/landing-files" is that prefix of the lake bucket.
    Example: Lakekeeper reads and writes "lake"; Airbyte writes "lake/landing-files".
  EOT
  type = map(object({
    namespace       = string
    service_account = string
    read_zones      = list(string)
    write_zones     = list(string)
    # Set for Lakekeeper: the zones' rights go to a storage role that the workload's own role
    # may only assume, with this external ID (the warehouse's storage-credential external-id).
    # Lakekeeper uses the storage role for its own reads and writes (storage-profile
    # assume-role-arn, output storage_role_arns) and as the base of the credentials it vends.
    storage_role_external_id = optional(string)
  }))
}

variable "permissions_boundary_arn" {
  description = "Boundary every platform role carries (created by the bootstrap stack); the CI apply role can only create roles that have it."
  type        = string
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id

  # Workloads whose bucket rights sit on a storage role, and those that hold them directly.
  storage_role_workloads = { for k, w in var.workloads : k => w if w.storage_role_external_id != null }
  direct_workloads       = { for k, w in var.workloads : k => w if w.storage_role_external_id == null }
}

# --- Workload roles (EKS Pod Identity) -----------------------------------------------------------

data "aws_iam_policy_document" "pod_identity_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
    # Only pods of this account's clusters can assume the role.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

data "aws_iam_policy_document" "lake_access" {
  for_each = var.workloads

  statement {
    sid       = "ListZoneBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = distinct([for z in concat(each.value.read_zones, each.value.write_zones) : var.lake_bucket_arns[split("/", z)[0]]])
  }

  dynamic "statement" {
    for_each = length(each.value.read_zones) > 0 ? [1] : []
    content {
      sid       = "ReadZones"
      actions   = ["s3:GetObject", "s3:GetObjectVersion"]
      resources = [for z in each.value.read_zones : "${var.lake_bucket_arns[split("/", z)[0]]}${trimprefix(z, split("/", z)[0])}/*"]
    }
  }

  # Iceberg writers also delete: snapshot expiry and orphan-file removal delete data files.
  dynamic "statement" {
    for_each = length(each.value.write_zones) > 0 ? [1] : []
    content {
      sid = "WriteZones"
      actions = [
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ]
      resources = [for z in each.value.write_zones : "${var.lake_bucket_arns[split("/", z)[0]]}${trimprefix(z, split("/", z)[0])}/*"]
    }
  }

  statement {
    sid       = "UseLakeKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.lake_kms_key_arn]
  }
}

resource "aws_iam_role" "workload" {
  for_each = var.workloads

  name                 = "${var.name}-${each.key}"
  path                 = "/data-platform/"
  assume_role_policy   = data.aws_iam_policy_document.pod_identity_assume.json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "workload" {
  for_each = local.direct_workloads
  name     = "lake-access"
  role     = aws_iam_role.workload[each.key].id
  policy   = data.aws_iam_policy_document.lake_access[each.key].json
}

# --- Storage roles (Lakekeeper) ------------------------------------------------------------------

# Only the workload's own role, and only with the external ID. TagSession is allowed on its own
# statement because EKS Pod Identity session tags are transitive: they travel with every
# AssumeRole the pod makes (EKS user guide, "EKS Pod Identity" session tags).
data "aws_iam_policy_document" "storage_role_trust" {
  for_each = local.storage_role_workloads

  statement {
    sid     = "AssumeWithExternalId"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.workload[each.key].arn]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [each.value.storage_role_external_id]
    }
  }

  statement {
    sid     = "TransitiveSessionTags"
    actions = ["sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.workload[each.key].arn]
    }
  }
}

# Role chaining caps these sessions at one hour whatever max_session_duration says.
resource "aws_iam_role" "storage" {
  for_each = local.storage_role_workloads

  name                 = "${var.name}-${each.key}-storage"
  path                 = "/data-platform/"
  assume_role_policy   = data.aws_iam_policy_document.storage_role_trust[each.key].json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "storage" {
  for_each = local.storage_role_workloads
  name     = "lake-access"
  role     = aws_iam_role.storage[each.key].id
  policy   = data.aws_iam_policy_document.lake_access[each.key].json
}

data "aws_iam_policy_document" "assume_storage_role" {
  for_each = local.storage_role_workloads

  statement {
    sid       = "AssumeStorageRole"
    actions   = ["sts:AssumeRole", "sts:TagSession"]
    resources = [aws_iam_role.storage[each.key].arn]
  }
}

resource "aws_iam_role_policy" "assume_storage_role" {
  for_each = local.storage_role_workloads
  name     = "assume-storage-role"
  role     = aws_iam_role.workload[each.key].id
  policy   = data.aws_iam_policy_document.assume_storage_role[each.key].json
}

resource "aws_eks_pod_identity_association" "workload" {
  for_each = var.workloads

  cluster_name    = var.cluster_name
  namespace       = each.value.namespace
  service_account = each.value.service_account
  role_arn        = aws_iam_role.workload[each.key].arn
}

output "workload_role_arns" {
  value = { for k, r in aws_iam_role.workload : k => r.arn }
}

output "storage_role_arns" {
  description = "Workload name to storage role ARN: Lakekeeper's storage-profile assume-role-arn."
  value       = { for k, r in aws_iam_role.storage : k => r.arn }
}

