# ECR pull-through cache for the public images the platform runs (Strimzi, Argo CD, JupyterHub,
# Trino, MLflow, ...). Nodes in the data tier have no internet route, so every image reference in
# the Kubernetes configs points at <account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<upstream
# path>, and ECR fetches from the upstream registry on the AWS side.
#
# AWS's ECR guide says the first pull of an image through a pull-through cache rule over an
# interface endpoint needs a NAT route from the puller's subnet; later pulls do not. New upstream
# tags are therefore pulled once from the egress node group (which has that route) before the
# change that uses them is merged; see the infrastructure-as-code chapter.

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

variable "upstreams" {
  description = <<-EOT
    Pull-through cache rules keyed by ECR repository prefix. credential_secret names a Secrets
    Manager secret (its name must start with ecr-pullthroughcache/, with keys username and
    accessToken) for the upstreams that ECR only supports with authentication: Docker Hub and
    GitHub Container Registry here. Quay, registry.k8s.io and ECR Public need none. The secrets
    are created by an administrator outside Terraform so the tokens never enter state.
  EOT
  type = map(object({
    registry_url      = string
    credential_secret = optional(string)
  }))
  default = {
    quay       = { registry_url = "quay.io" }
    k8s        = { registry_url = "registry.k8s.io" }
    ecr-public = { registry_url = "public.ecr.aws" }
    docker-hub = { registry_url = "registry-1.docker.io", credential_secret = "ecr-pullthroughcache/docker-hub" }
    ghcr       = { registry_url = "ghcr.io", credential_secret = "ecr-pullthroughcache/ghcr" }
  }
}

variable "importer_role_names" {
  description = "Roles allowed to create cache repositories and import new upstream images (the managed node role, whose egress node group warms new tags)."
  type        = list(string)
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_secretsmanager_secret" "upstream" {
  for_each = { for prefix, u in var.upstreams : prefix => u if u.credential_secret != null }
  name     = each.value.credential_secret
}

resource "aws_ecr_pull_through_cache_rule" "this" {
  for_each = var.upstreams

  ecr_repository_prefix = each.key
  upstream_registry_url = each.value.registry_url
  credential_arn        = each.value.credential_secret == null ? null : data.aws_secretsmanager_secret.upstream[each.key].arn
}

# Pulling an image that is already cached needs only the ordinary pull permissions the node roles
# have. A tag that is not cached yet also needs these two actions, limited to the cache prefixes.
data "aws_iam_policy_document" "import" {
  statement {
    sid     = "ImportUpstreamImagesIntoCachePrefixes"
    actions = ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"]
    resources = [
      for prefix in keys(var.upstreams) :
      "arn:${data.aws_partition.current.partition}:ecr:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:repository/${prefix}/*"
    ]
  }
}

resource "aws_iam_role_policy" "import" {
  for_each = toset(var.importer_role_names)

  name   = "ecr-pull-through-import"
  role   = each.value
  policy = data.aws_iam_policy_document.import.json
}

output "registry_prefix" {
  description = "Prefix for image references: <registry_prefix>/<cache prefix>/<upstream repository>."
  value       = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${data.aws_region.current.region}.amazonaws.com"
}

output "cache_prefixes" {
  value = { for prefix, rule in aws_ecr_pull_through_cache_rule.this : prefix => rule.upstream_registry_url }
}
