# Network for the data platform: one VPC per environment, three AZs and three subnet tiers.
#   - data (the private subnets): every node that touches data, sized for EKS pod IPs (the VPC
#     CNI gives every pod a VPC address). No route to the internet; AWS services are reached
#     through the S3 gateway endpoint and the interface endpoints below.
#   - egress: a small tier whose route table points at the NAT gateways, used only by the
#     egress node group (Argo CD's repo server, Airbyte connector jobs and the other components
#     the infrastructure-as-code chapter names) and for the first pull of a new upstream image
#     through the ECR pull-through cache.
#   - public: NAT gateways and internet-facing load balancers only.

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
  description = "Prefix for every resource, e.g. dataplat-prod."
  type        = string
}

variable "cidr_block" {
  description = "VPC CIDR. A /16 leaves room for 3 x /19 private subnets (8,187 usable addresses each)."
  type        = string
  default     = "10.40.0.0/16"
}

variable "azs" {
  description = "Exactly three availability zones; Kafka and Trino spread replicas across them."
  type        = list(string)

  validation {
    condition     = length(var.azs) == 3
    error_message = "Provide exactly three availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for the VPC (dev) instead of one per AZ (prod). Saves two NAT gateways but makes the egress tier depend on one AZ."
  type        = bool
  default     = false
}

variable "interface_endpoints" {
  description = <<-EOT
    Interface endpoints (service name suffixes after com.amazonaws.<region>.) that the data tier
    needs, since it has no other route to AWS APIs. Each bills per AZ-hour and per GB processed.
      ec2, eks, ssm, sqs: Karpenter (instances, cluster endpoint discovery, AMI aliases,
        interruption queue) and the VPC CNI;
      ssmmessages, ec2messages: Session Manager, the break-glass way onto a node;
      eks-auth: EKS Pod Identity credentials for every workload role;
      sts, kms, logs: role sessions, SSE-KMS and the control-plane and Flow Log side of logging;
      ecr.api, ecr.dkr: image pulls (layers come through the S3 gateway endpoint);
      elasticloadbalancing: the AWS Load Balancer Controller;
      secretsmanager: External Secrets Operator;
      glue: the Glue Data Catalog behind the ETL cluster's landing_files Hive catalog;
      codeartifact.api, codeartifact.repositories: the PyPI proxy behind the notebooks' mirror.
  EOT
  type        = list(string)
  default = [
    "ec2", "eks", "eks-auth", "ssm", "ssmmessages", "ec2messages", "sqs", "sts", "kms", "logs",
    "ecr.api", "ecr.dkr",
    "elasticloadbalancing", "secretsmanager", "glue", "codeartifact.api",
    "codeartifact.repositories",
  ]
}

variable "s3_extra_account_ids" {
  description = "Other accounts whose buckets the VPC may use through the S3 endpoint (e.g. a log-archive account). Empty: this account's buckets and ECR layers only."
  type        = list(string)
  default     = []
}

variable "cluster_name" {
  description = "EKS cluster name, used in subnet tags for load balancer and Karpenter discovery."
  type        = string
}

variable "flow_log_bucket_arn" {
  description = "ARN of the S3 bucket receiving VPC flow logs (the platform log bucket)."
  type        = string
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  # /19 data subnets for nodes and pods (x.x.0.0-x.x.95.255), /21 egress subnets right after them
  # (x.x.96.0-x.x.119.255), /22 public subnets for NAT and public load balancers (x.x.192.0 on).
  private_cidrs = [for i in range(3) : cidrsubnet(var.cidr_block, 3, i)]
  egress_cidrs  = [for i in range(3) : cidrsubnet(var.cidr_block, 5, 12 + i)]
  public_cidrs  = [for i in range(3) : cidrsubnet(var.cidr_block, 6, 48 + i)]
  nat_count     = var.single_nat_gateway ? 1 : 3
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true # required for interface endpoints with private DNS

  tags = { Name = var.name }
}

# Remove all rules from the default security group so nothing lands in it by accident.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = var.name }
}

resource "aws_subnet" "public" {
  count = 3

  vpc_id                  = aws_vpc.this.id
  cidr_block              = local.public_cidrs[count.index]
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = false # nothing gets a public IP unless asked for

  tags = {
    Name                                        = "${var.name}-public-${var.azs[count.index]}"
    "kubernetes.io/role/elb"                    = "1"
    "kubernetes.io/cluster/${var.cluster_name}" = "shared"
  }
}

resource "aws_subnet" "private" {
  count = 3

  vpc_id            = aws_vpc.this.id
  cidr_block        = local.private_cidrs[count.index]
  availability_zone = var.azs[count.index]

  tags = {
    Name                                        = "${var.name}-private-${var.azs[count.index]}"
    "kubernetes.io/role/internal-elb"           = "1"
    "kubernetes.io/cluster/${var.cluster_name}" = "shared"
    "karpenter.sh/discovery"                    = var.cluster_name
  }
}

# Egress tier: only the egress node group runs here (modules/eks, node group with egress = true).
# No karpenter.sh/discovery tag, so Karpenter never places general nodes in it, and no ELB role
# tags, so load balancers stay in the data and public tiers.
resource "aws_subnet" "egress" {
  count = 3

  vpc_id            = aws_vpc.this.id
  cidr_block        = local.egress_cidrs[count.index]
  availability_zone = var.azs[count.index]

  tags = {
    Name                                        = "${var.name}-egress-${var.azs[count.index]}"
    "data-platform/subnet-tier"                 = "egress"
    "kubernetes.io/cluster/${var.cluster_name}" = "shared"
  }
}

resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"
  tags   = { Name = "${var.name}-nat-${count.index}" }
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = { Name = "${var.name}-nat-${count.index}" }

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-public" }
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count          = 3
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

# Data tier route tables: the local VPC route and the S3 gateway endpoint's prefix-list route,
# nothing else. There is deliberately no 0.0.0.0/0 route: a pod in the data tier cannot reach
# the internet whatever its NetworkPolicy allows, and adding one is a reviewed change here.
resource "aws_route_table" "private" {
  count  = 3
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-data-${var.azs[count.index]}" }
}

resource "aws_route_table_association" "private" {
  count          = 3
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

# Egress tier route tables, one per AZ so that, in prod, each AZ egresses through its own NAT and
# an AZ outage does not take down egress for the other two.
resource "aws_route_table" "egress" {
  count  = 3
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-egress-${var.azs[count.index]}" }
}

resource "aws_route" "egress_nat" {
  count                  = 3
  route_table_id         = aws_route_table.egress[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
}

resource "aws_route_table_association" "egress" {
  count          = 3
  subnet_id      = aws_subnet.egress[count.index].id
  route_table_id = aws_route_table.egress[count.index].id
}

# The S3 gateway endpoint's policy: buckets owned by this account (the lake, logs, Trino exchange
# and spooling, Flink checkpoints, Terraform state) and the bucket that serves ECR image layers
# in this region. A stolen credential used from inside the VPC cannot write to a bucket in
# another account in this region; other regions are unreachable from the data tier anyway.
data "aws_iam_policy_document" "s3_endpoint" {
  statement {
    sid       = "OwnAccountBuckets"
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "s3:ResourceAccount"
      values   = concat([data.aws_caller_identity.current.account_id], var.s3_extra_account_ids)
    }
  }

  statement {
    sid       = "EcrImageLayers"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::prod-${data.aws_region.current.region}-starport-layer-bucket/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# Gateway endpoint for S3: free, the data tier's only path to S3, and it keeps lake reads and
# writes from the egress tier off the NAT gateways, which charge per GB processed.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(aws_route_table.private[*].id, aws_route_table.egress[*].id)
  policy            = data.aws_iam_policy_document.s3_endpoint.json
  tags              = { Name = "${var.name}-s3" }
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-vpc-endpoints"
  description = "HTTPS from inside the VPC to interface endpoints"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.cidr_block]
  }
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(var.interface_endpoints)

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
  tags                = { Name = "${var.name}-${each.value}" }
}

# Flow logs of rejected and accepted traffic, written to the platform log bucket in Parquet so
# they can be queried from Trino or Athena without conversion.
resource "aws_flow_log" "this" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "${var.flow_log_bucket_arn}/vpc-flow-logs/"

  destination_options {
    file_format                = "parquet"
    per_hour_partition         = true
    hive_compatible_partitions = true
  }
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "egress_subnet_ids" {
  description = "Subnets with a NAT route, for the egress node group only."
  value       = aws_subnet.egress[*].id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "private_route_table_ids" {
  value = aws_route_table.private[*].id
}

output "vpc_cidr_block" {
  value = aws_vpc.this.cidr_block
}
