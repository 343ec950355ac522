# Root module for the dev environment (its own AWS account and state). Same modules as prod, with
# smaller sizes and cheaper availability choices; the differences are the point of the file, so
# keep everything else identical to envs/prod.
#
#   terraform init -backend-config="bucket=$TF_STATE_BUCKET"
#   terraform plan -out=tfplan

terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Partial configuration: the bucket comes from -backend-config so account-specific names stay
  # out of the code. The key must stay under envs/ (the CI roles can only touch that prefix).
  backend "s3" {
    key          = "envs/dev/terraform.tfstate"
    region       = "eu-central-1"
    use_lockfile = true
    encrypt      = true
  }
}

variable "aws_account_id" {
  description = "Dev account id; the provider refuses to run against any other account."
  type        = string
}

variable "admin_role_arns" {
  description = "SSO permission-set roles with cluster-admin (platform team, break-glass)."
  type        = list(string)
}

variable "readonly_role_arns" {
  type    = list(string)
  default = []
}

locals {
  environment = "dev"
  name        = "dataplat-${local.environment}"
  region      = "eu-central-1"
  azs         = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
}

provider "aws" {
  region              = local.region
  allowed_account_ids = [var.aws_account_id]

  # Every resource carries these tags, which is what makes cost allocation by environment and
  # component possible in Cost Explorer and CUR.
  default_tags {
    tags = {
      "data-platform/environment" = local.environment
      "data-platform/managed-by"  = "terraform"
      "data-platform/repository"  = "data-platform-infra"
      "cost-center"               = "data-platform"
    }
  }
}

data "aws_iam_policy" "boundary" {
  name        = "${local.name}-boundary"
  path_prefix = "/ci/"
}

module "lake" {
  source = "../../modules/lake-buckets"

  name = "acme-${local.name}"
  # Same layout as prod (one bucket per Lakekeeper warehouse, see envs/prod).
  zones = {
    lake = {
      table_prefix                   = "warehouse/"
      expire_files                   = { prefix = "landing-files/", after_days = 21 }
      noncurrent_expire_after_days   = 7
      intelligent_tiering_after_days = 0
      tiering_prefix                 = "warehouse/"
    }
    lake-dev     = { noncurrent_expire_after_days = 1 }
    sandbox      = { noncurrent_expire_after_days = 1 }
    ml-artifacts = { noncurrent_expire_after_days = 30, intelligent_tiering_after_days = 90 }
  }

  force_destroy      = true # dev buckets hold copies and samples only
  log_retention_days = 30
}

module "network" {
  source = "../../modules/network"

  name                = local.name
  cidr_block          = "10.41.0.0/16" # distinct from prod so the VPCs can be peered or routed
  azs                 = local.azs
  single_nat_gateway  = true # one NAT for the egress tier: saves two NAT gateways; an AZ outage stops dev egress
  cluster_name        = local.name
  flow_log_bucket_arn = module.lake.log_bucket_arn
}

module "eks" {
  source = "../../modules/eks"

  name                         = local.name
  kubernetes_version           = "1.35" # dev upgrades first and soaks for a week before prod
  private_subnet_ids           = module.network.private_subnet_ids
  egress_subnet_ids            = module.network.egress_subnet_ids
  endpoint_public_access_cidrs = [] # API reachable from the VPN and in-VPC CI runners only
  admin_role_arns              = var.admin_role_arns
  readonly_role_arns           = var.readonly_role_arns
  permissions_boundary_arn     = data.aws_iam_policy.boundary.arn
  log_retention_days           = 30

  # Only the node groups that must exist before Karpenter runs. Trino, Flink, Airflow, dbt and
  # model-serving nodes come from Karpenter NodePools (gitops/karpenter-nodepools.yaml).
  node_groups = {
    system = {
      instance_types = ["m7i.large"]
      capacity_type  = "ON_DEMAND"
      min_size       = 2
      max_size       = 4
      desired_size   = 2
      disk_size_gib  = 50
      labels         = { "workload" = "system" }
      taints         = []
    }
    # Three small brokers keep the KRaft quorum and replication factor 3 identical to prod, so
    # topic configs and client settings are tested as they will run.
    kafka = {
      instance_types = ["r7i.large"]
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 3
      desired_size   = 3
      disk_size_gib  = 50
      labels         = { "workload" = "kafka" }
      taints         = [{ key = "dedicated", value = "kafka", effect = "NO_SCHEDULE" }]
    }
    # Egress tier, as in prod; one node, since a dev outage of Argo CD syncs is tolerable.
    egress = {
      instance_types = ["m7i.large"]
      capacity_type  = "ON_DEMAND"
      min_size       = 1
      max_size       = 3
      desired_size   = 1
      disk_size_gib  = 50
      labels         = { "workload" = "egress" }
      taints         = [{ key = "dedicated", value = "egress", effect = "NO_SCHEDULE" }]
      egress         = true
    }
    # Airbyte connector pods, as in prod (batch-ingestion airbyte-values.yaml selects
    # airbyte/node-pool=jobs); without this group dev syncs would stay Pending. Smaller ceiling.
    airbyte-jobs = {
      instance_types = ["m7i.xlarge", "m6i.xlarge"]
      capacity_type  = "SPOT"
      min_size       = 1
      max_size       = 2
      desired_size   = 1
      disk_size_gib  = 100
      labels         = { "airbyte/node-pool" = "jobs" }
      taints         = [{ key = "airbyte/jobs", value = "true", effect = "NO_SCHEDULE" }]
      egress         = true
    }
  }
}

# Public images (quay.io, Docker Hub, ghcr.io, registry.k8s.io, ECR Public) reach the data tier
# through ECR pull-through cache rules in this account; see modules/image-cache.
module "image_cache" {
  source = "../../modules/image-cache"

  importer_role_names = [module.eks.node_role_name]
}

module "iam" {
  source = "../../modules/iam"

  name                     = local.name
  cluster_name             = module.eks.cluster_name
  lake_bucket_arns         = module.lake.bucket_arns
  lake_kms_key_arn         = module.lake.kms_key_arn
  permissions_boundary_arn = data.aws_iam_policy.boundary.arn

  # Query engines (Trino, Flink, Spark) read and write Iceberg tables with credentials Lakekeeper
  # vends per table, so only the catalog's storage role touches the warehouses. Trino's ETL role
  # reads the raw batch files (Hive catalog landing_files); Airbyte writes them. Roles for
  # buckets outside the lake (Trino exchange and spooling, Flink checkpoints, Airflow logs) live
  # with those components.
  workloads = {
    # The zones' rights go to dataplat-dev-lakekeeper-storage, which Lakekeeper assumes with
    # this external ID for its own reads and writes and for the credentials it vends.
    lakekeeper = {
      namespace                = "lakekeeper"
      service_account          = "lakekeeper"
      read_zones               = ["lake", "lake-dev", "sandbox"]
      write_zones              = ["lake", "lake-dev", "sandbox"]
      storage_role_external_id = "dataplat-dev-lakekeeper"
    }
    trino-etl = {
      namespace       = "trino-etl"
      service_account = "trino-etl"
      read_zones      = ["lake/landing-files"]
      write_zones     = []
    }
    airbyte = {
      namespace       = "airbyte"
      service_account = "airbyte-admin"
      read_zones      = []
      write_zones     = ["lake/landing-files"]
    }
    mlflow = {
      namespace       = "mlflow"
      service_account = "mlflow"
      read_zones      = ["ml-artifacts"]
      write_zones     = ["ml-artifacts"]
    }
    model-serving = {
      namespace       = "ml-serving"
      service_account = "model-reader"
      read_zones      = ["ml-artifacts"]
      write_zones     = []
    }
  }
}

output "cluster_name" {
  value = module.eks.cluster_name
}

output "lake_buckets" {
  value = module.lake.bucket_names
}

output "workload_role_arns" {
  value = module.iam.workload_role_arns
}

output "storage_role_arns" {
  value = module.iam.storage_role_arns
}

# Lakekeeper's storage-profile aws-kms-key-arn: the key on which the credentials it vends are
# granted kms:Decrypt and kms:GenerateDataKey (every lake object is SSE-KMS).
output "lake_kms_key_arn" {
  value = module.lake.kms_key_arn
}

output "image_registry_prefix" {
  value = module.image_cache.registry_prefix
}
