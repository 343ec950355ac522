# Root module for the production environment (its own AWS account and state). It only wires the
# shared modules together with production sizes; differences from dev are deliberate and listed
# in the chapter.
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
    key          = "envs/prod/terraform.tfstate"
    region       = "eu-central-1"
    use_lockfile = true
    encrypt      = true
  }
}

variable "aws_account_id" {
  description = "Production account id; the provider refuses to run against any other account."
  type        = string
}

variable "dev_account_id" {
  description = "Dev account id, allowed to pull images from the production registry."
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
  environment = "prod"
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
  # One bucket per Lakekeeper warehouse (data-storage chapter), plus ML artifacts. Rules match
  # configs/data-storage/s3-lifecycle.json: only raw files under landing-files/ expire, no S3
  # rule ever expires a current object under an Iceberg table (only the catalog deletes table
  # files), noncurrent versions go after 7 days, which the erasure timeline relies on.
  zones = {
    # Warehouse `prod` (Trino catalog `lake`): every zone under warehouse/, raw batch files under
    # landing-files/.
    lake = {
      table_prefix                   = "warehouse/"
      expire_files                   = { prefix = "landing-files/", after_days = 21 }
      noncurrent_expire_after_days   = 7
      intelligent_tiering_after_days = 0
      tiering_prefix                 = "warehouse/"
    }
    # Warehouse `dev` (catalog `lake_dev`): personal dev schemas and per-pull-request CI schemas
    # (ci_pr_<n>_*), and warehouse `sandbox` (the ad-hoc cluster's scratch catalog). The whole
    # bucket holds Iceberg tables, so no current object expires by age: stale tables are dropped
    # through the catalog by ci-cd's scratch-retention.yml (14 and 30 days), which also expires
    # their snapshots and orphan files.
    lake-dev     = { noncurrent_expire_after_days = 1 }
    sandbox      = { noncurrent_expire_after_days = 1 }
    ml-artifacts = { noncurrent_expire_after_days = 30, intelligent_tiering_after_days = 90 }
  }

  force_destroy      = false
  log_retention_days = 400 # audit asks for 13 months of access logs
}

module "network" {
  source = "../../modules/network"

  name                = local.name
  cidr_block          = "10.40.0.0/16"
  azs                 = local.azs
  single_nat_gateway  = false # one NAT per AZ: the egress tier survives the loss of an AZ
  cluster_name        = local.name
  flow_log_bucket_arn = module.lake.log_bucket_arn
}

module "eks" {
  source = "../../modules/eks"

  name                         = local.name
  kubernetes_version           = "1.35"
  private_subnet_ids           = module.network.private_subnet_ids
  egress_subnet_ids            = module.network.egress_subnet_ids
  endpoint_public_access_cidrs = [] # API reachable from the VPN and in-VPC CI runners only
  admin_role_arns              = var.admin_role_arns
  readonly_role_arns           = var.readonly_role_arns
  permissions_boundary_arn     = data.aws_iam_policy.boundary.arn
  log_retention_days           = 400

  # Only the node groups that must exist before Karpenter runs. Trino, Flink, Airflow, dbt and
  # model-serving nodes come from Karpenter NodePools (gitops/karpenter-nodepools.yaml).
  node_groups = {
    # Controllers: Argo CD, Karpenter, External Secrets, Prometheus, Lakekeeper.
    system = {
      instance_types = ["m7i.xlarge"]
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 6
      desired_size   = 3
      disk_size_gib  = 100
      labels         = { "workload" = "system" }
      taints         = []
    }
    # Kafka brokers (Strimzi): one per AZ, on-demand, memory for page cache; data on gp3 PVCs.
    kafka = {
      instance_types = ["r7i.2xlarge"]
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 6
      desired_size   = 3
      disk_size_gib  = 50
      labels         = { "workload" = "kafka" }
      taints         = [{ key = "dedicated", value = "kafka", effect = "NO_SCHEDULE" }]
    }
    # Nodes with an internet route (egress tier, through NAT): Argo CD's repo server (GitHub, Helm
    # repositories) and the first pull of new upstream image tags. Workloads land here only with a
    # toleration and node selector.
    egress = {
      instance_types = ["m7i.large"]
      capacity_type  = "ON_DEMAND"
      min_size       = 2
      max_size       = 6
      desired_size   = 2
      disk_size_gib  = 50
      labels         = { "workload" = "egress" }
      taints         = [{ key = "dedicated", value = "egress", effect = "NO_SCHEDULE" }]
      egress         = true
    }
    # Airbyte connector pods (batch-ingestion airbyte-values.yaml: node selector
    # airbyte/node-pool=jobs, toleration airbyte/jobs=true). In the egress tier because SaaS
    # connectors (HubSpot, Salesforce) call public APIs. Spot suits short API syncs. Karpenter
    # does not scale managed node groups: growing past min_size needs the Cluster Autoscaler,
    # which these configs do not install, so set min_size to the usual number of parallel syncs.
    airbyte-jobs = {
      instance_types = ["m7i.xlarge", "m6i.xlarge"]
      capacity_type  = "SPOT"
      min_size       = 1
      max_size       = 8
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
    # The zones' rights go to dataplat-prod-lakekeeper-storage, which Lakekeeper assumes with
    # this external ID for its own reads and writes and for the credentials it vends.
    lakekeeper = {
      namespace                = "lakekeeper"
      service_account          = "lakekeeper"
      read_zones               = ["lake", "lake-dev", "sandbox"]
      write_zones              = ["lake", "lake-dev", "sandbox"]
      storage_role_external_id = "dataplat-prod-lakekeeper"
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
    model-serving-shadow = {
      namespace       = "ml-shadow"
      service_account = "model-reader"
      read_zones      = ["ml-artifacts"]
      write_zones     = []
    }
  }
}

# Images are built once and pushed here; dev pulls the same digests cross-account.
module "registry" {
  source = "../../modules/registry"

  pull_account_ids = [var.dev_account_id]
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

output "registry_urls" {
  value = module.registry.repository_urls
}

output "image_registry_prefix" {
  value = module.image_cache.registry_prefix
}
