# ECR repositories for images built once by CI and promoted unchanged from dev to prod: Flink
# jobs, the dbt runner, Airflow task images and model servers. Tags are immutable, so a tag that
# passed staging is byte-for-byte what production runs.

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

variable "repositories" {
  description = "Repository names, created under the data-platform/ namespace."
  type        = list(string)
  default     = ["flink-jobs", "dbt-runner", "airflow", "airflow-tasks", "superset", "model-server"]
}

variable "pull_account_ids" {
  description = "Other AWS accounts (e.g. dev) whose EKS nodes pull from this registry."
  type        = list(string)
  default     = []
}

variable "keep_tagged_images" {
  description = "Number of release images kept per repository; older ones expire. Keep enough to roll back a month."
  type        = number
  default     = 200
}

data "aws_partition" "current" {}

resource "aws_ecr_repository" "this" {
  for_each = toset(var.repositories)

  name                 = "data-platform/${each.value}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each   = aws_ecr_repository.this
  repository = each.value.name

  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Untagged layers from failed or superseded builds"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the most recent release images"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = ["sha-", "v"]
          countType     = "imageCountMoreThan"
          countNumber   = var.keep_tagged_images
        }
        action = { type = "expire" }
      },
    ]
  })
}

data "aws_iam_policy_document" "cross_account_pull" {
  count = length(var.pull_account_ids) > 0 ? 1 : 0

  statement {
    sid = "PullFromOtherPlatformAccounts"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    principals {
      type        = "AWS"
      identifiers = [for id in var.pull_account_ids : "arn:${data.aws_partition.current.partition}:iam::${id}:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "this" {
  for_each   = { for k, r in aws_ecr_repository.this : k => r if length(var.pull_account_ids) > 0 }
  repository = each.value.name
  policy     = data.aws_iam_policy_document.cross_account_pull[0].json
}

output "repository_urls" {
  value = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "repository_arns" {
  value = [for r in aws_ecr_repository.this : r.arn]
}
