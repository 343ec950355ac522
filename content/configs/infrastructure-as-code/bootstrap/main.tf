# Per-account guardrails, applied by an administrator (never by CI):
#   - the S3 bucket that holds Terraform state for every root in this account,
#   - the GitHub Actions OIDC identity provider,
#   - the permissions boundary every platform role must carry,
#   - the three roles CI assumes: terraform plan (read-only), terraform apply, image push.
# The CI roles live under the /ci/ path; the apply role may only manage /data-platform/ roles, so a
# pipeline can never widen its own permissions.
#
# First run: create the bucket with the AWS CLI (see manifest.yaml), then `terraform init` with
# -backend-config=bucket=... and `terraform apply`; the import block adopts the bucket.

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Partial configuration: bucket (and optionally region) are passed with -backend-config at
  # init, so the same code serves every account. use_lockfile writes <key>.tflock next to the
  # state with an S3 conditional write; no DynamoDB table is needed.
  backend "s3" {
    key          = "bootstrap/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}

variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  description = "dev or prod; one AWS account per environment."
  type        = string
}

variable "aws_account_id" {
  description = "The account this stack may touch; a guard against applying with the wrong credentials."
  type        = string
}

variable "state_bucket_name" {
  description = "Bucket created by the CLI before the first apply and adopted by the import block."
  type        = string
}

variable "github_org" {
  type = string
}

variable "infra_repo" {
  description = "Repository with the Terraform code (plan and apply roles trust it)."
  type        = string
}

variable "image_repos" {
  description = "Repositories that build and push images. Empty in accounts without the registry."
  type        = list(string)
  default     = []
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.aws_account_id]

  default_tags {
    tags = {
      "data-platform/environment" = var.environment
      "data-platform/managed-by"  = "terraform-bootstrap"
    }
  }
}

data "aws_partition" "current" {}

locals {
  partition = data.aws_partition.current.partition
  prefix    = "dataplat-${var.environment}"
}

# --- State bucket --------------------------------------------------------------------------------

import {
  to = aws_s3_bucket.state
  id = var.state_bucket_name
}

resource "aws_kms_key" "state" {
  description             = "${local.prefix} Terraform state"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket_name

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning is the undo button for state: a bad apply or a corrupted write is recovered by
# restoring the previous object version.
resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "old-state-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days           = 90
      newer_noncurrent_versions = 50
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

data "aws_iam_policy_document" "state_bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.state]
}

# --- GitHub Actions OIDC -------------------------------------------------------------------------
# AWS validates GitHub's OIDC endpoint against trusted root CAs, so no certificate thumbprint is
# pinned here.

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

# --- Permissions boundary for every platform role ------------------------------------------------

data "aws_iam_policy_document" "boundary" {
  statement {
    sid       = "AllowWorkloadServices"
    actions   = ["*"]
    resources = ["*"]
  }

  # Privilege escalation paths are closed for any role that carries the boundary.
  statement {
    sid    = "DenyIamEscalation"
    effect = "Deny"
    actions = [
      "iam:AddUserToGroup",
      "iam:AttachGroupPolicy",
      "iam:AttachRolePolicy",
      "iam:AttachUserPolicy",
      "iam:CreateAccessKey",
      "iam:CreateLoginProfile",
      "iam:CreatePolicyVersion",
      "iam:CreateRole",
      "iam:CreateUser",
      "iam:DeleteRolePermissionsBoundary",
      "iam:PutGroupPolicy",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy",
      "iam:PutUserPolicy",
      "iam:SetDefaultPolicyVersion",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateLoginProfile",
      "organizations:*",
      "account:*",
    ]
    resources = ["*"]
  }

  # Controllers such as Karpenter pass the node role; they may pass platform roles only.
  statement {
    sid           = "PassOnlyPlatformRoles"
    effect        = "Deny"
    actions       = ["iam:PassRole"]
    not_resources = ["arn:${local.partition}:iam::${var.aws_account_id}:role/data-platform/*"]
  }

  statement {
    sid     = "ProtectStateBucket"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.state.arn,
      "${aws_s3_bucket.state.arn}/*",
    ]
  }
}

resource "aws_iam_policy" "boundary" {
  name   = "${local.prefix}-boundary"
  path   = "/ci/"
  policy = data.aws_iam_policy_document.boundary.json
}

# --- CI role: terraform plan on pull requests ----------------------------------------------------

data "aws_iam_policy_document" "plan_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Pull requests, plus main for the nightly drift plan. Read-only either way.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_org}/${var.infra_repo}:pull_request",
        "repo:${var.github_org}/${var.infra_repo}:ref:refs/heads/main",
      ]
    }
  }
}

resource "aws_iam_role" "ci_plan" {
  name                 = "${local.prefix}-ci-terraform-plan"
  path                 = "/ci/"
  assume_role_policy   = data.aws_iam_policy_document.plan_assume.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "ci_plan_readonly" {
  role       = aws_iam_role.ci_plan.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

# Both plan and apply read state and take the lock (create and delete the .tflock object).
data "aws_iam_policy_document" "state_access" {
  statement {
    sid       = "ListState"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.state.arn]
  }
  statement {
    sid       = "ReadWriteStateAndLock"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.state.arn}/envs/*"]
  }
  statement {
    sid       = "StateKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.state.arn]
  }

  # The roles' managed policies (ReadOnlyAccess, PowerUserAccess) include s3:Get* on every
  # bucket, and StateKey decrypts any object in this one, so without this deny CI could read
  # the bootstrap state, and the apply role write it. No root reads it (they look the boundary
  # up by name), so CI needs neither.
  statement {
    sid    = "DenyBootstrapState"
    effect = "Deny"
    actions = [
      "s3:GetObject",
      "s3:GetObjectVersion",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:DeleteObjectVersion",
    ]
    resources = ["${aws_s3_bucket.state.arn}/bootstrap/*"]
  }
}

resource "aws_iam_role_policy" "ci_plan_state" {
  name   = "terraform-state"
  role   = aws_iam_role.ci_plan.id
  policy = data.aws_iam_policy_document.state_access.json
}

# --- CI role: terraform apply from the protected GitHub environment ------------------------------

data "aws_iam_policy_document" "apply_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    # The GitHub environment (named like the AWS environment) requires reviewers and allows
    # deployments from main only; the sub claim proves the job ran in it.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_org}/${var.infra_repo}:environment:${var.environment}"]
    }
  }
}

resource "aws_iam_role" "ci_apply" {
  name                 = "${local.prefix}-ci-terraform-apply"
  path                 = "/ci/"
  assume_role_policy   = data.aws_iam_policy_document.apply_assume.json
  max_session_duration = 7200 # EKS creation and node group rolls can exceed an hour
}

# PowerUserAccess covers every service except IAM and Organizations. IAM is granted below, and
# only for /data-platform/ roles and policies.
resource "aws_iam_role_policy_attachment" "ci_apply_poweruser" {
  role       = aws_iam_role.ci_apply.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/PowerUserAccess"
}

data "aws_iam_policy_document" "ci_apply_iam" {
  statement {
    sid = "CreatePlatformRolesWithBoundary"
    actions = [
      "iam:CreateRole",
      "iam:PutRolePolicy",
      "iam:AttachRolePolicy",
      "iam:PutRolePermissionsBoundary",
    ]
    resources = ["arn:${local.partition}:iam::${var.aws_account_id}:role/data-platform/*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.boundary.arn]
    }
  }

  statement {
    sid = "ManagePlatformRoles"
    actions = [
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy",
      "iam:PassRole",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
    ]
    resources = ["arn:${local.partition}:iam::${var.aws_account_id}:role/data-platform/*"]
  }

  # modules/eks creates Karpenter's instance profile under /data-platform/; PowerUserAccess has
  # no instance-profile actions, so without this statement that apply fails.
  statement {
    sid = "ManagePlatformInstanceProfiles"
    actions = [
      "iam:AddRoleToInstanceProfile",
      "iam:CreateInstanceProfile",
      "iam:DeleteInstanceProfile",
      "iam:RemoveRoleFromInstanceProfile",
      "iam:TagInstanceProfile",
      "iam:UntagInstanceProfile",
    ]
    resources = ["arn:${local.partition}:iam::${var.aws_account_id}:instance-profile/data-platform/*"]
  }

  statement {
    sid = "ManagePlatformPolicies"
    actions = [
      "iam:CreatePolicy",
      "iam:CreatePolicyVersion",
      "iam:DeletePolicy",
      "iam:DeletePolicyVersion",
      "iam:TagPolicy",
    ]
    resources = ["arn:${local.partition}:iam::${var.aws_account_id}:policy/data-platform/*"]
  }

  statement {
    sid       = "ReadIamAndServiceLinkedRoles"
    actions   = ["iam:Get*", "iam:List*", "iam:CreateServiceLinkedRole"]
    resources = ["*"]
  }

  # PowerUserAccess includes S3: keep the apply role away from the state bucket's own
  # configuration (the bootstrap state itself is denied in state_access, for both CI roles).
  statement {
    sid    = "ProtectStateBucketConfig"
    effect = "Deny"
    actions = [
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketPolicy",
      "s3:PutBucketVersioning",
      "s3:PutLifecycleConfiguration",
      "s3:PutEncryptionConfiguration",
    ]
    resources = [aws_s3_bucket.state.arn]
  }
}

resource "aws_iam_role_policy" "ci_apply_iam" {
  name   = "platform-iam"
  role   = aws_iam_role.ci_apply.id
  policy = data.aws_iam_policy_document.ci_apply_iam.json
}

resource "aws_iam_role_policy" "ci_apply_state" {
  name   = "terraform-state"
  role   = aws_iam_role.ci_apply.id
  policy = data.aws_iam_policy_document.state_access.json
}

# --- CI role: image push (only in the account that hosts the registry) ---------------------------

data "aws_iam_policy_document" "push_assume" {
  count = length(var.image_repos) > 0 ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Images are pushed from main and release tags only; pull requests build without pushing.
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = flatten([
        for r in var.image_repos : [
          "repo:${var.github_org}/${r}:ref:refs/heads/main",
          "repo:${var.github_org}/${r}:ref:refs/tags/v*",
        ]
      ])
    }
  }
}

resource "aws_iam_role" "ci_image_push" {
  count = length(var.image_repos) > 0 ? 1 : 0

  name                 = "${local.prefix}-ci-image-push"
  path                 = "/ci/"
  assume_role_policy   = data.aws_iam_policy_document.push_assume[0].json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "image_push" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid = "EcrPushPlatformRepos"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:${local.partition}:ecr:${var.region}:${var.aws_account_id}:repository/data-platform/*"]
  }
}

resource "aws_iam_role_policy" "ci_image_push" {
  count  = length(var.image_repos) > 0 ? 1 : 0
  name   = "ecr-push"
  role   = aws_iam_role.ci_image_push[0].id
  policy = data.aws_iam_policy_document.image_push.json
}

output "permissions_boundary_arn" {
  value = aws_iam_policy.boundary.arn
}

output "ci_plan_role_arn" {
  value = aws_iam_role.ci_plan.arn
}

output "ci_apply_role_arn" {
  value = aws_iam_role.ci_apply.arn
}

output "ci_image_push_role_arn" {
  value = length(var.image_repos) > 0 ? aws_iam_role.ci_image_push[0].arn : null
}
