# EKS cluster for Kafka, Flink, Trino, Airflow, MLflow and model serving. Terraform stops at the
# Kubernetes API: everything inside the cluster is deployed by Argo CD from Git (see ../../gitops).
#
# Capacity: a few small managed node groups carry what must exist before anything else (system
# controllers incl. Karpenter, the Kafka brokers, and the egress-tier groups the roots declare);
# every other workload gets nodes from Karpenter, whose NodePools live in the GitOps repository. This module creates the AWS side of
# Karpenter: controller role, node role and its access entry, and the interruption queue.

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
  description = "Cluster name, e.g. dataplat-prod."
  type        = string
}

variable "kubernetes_version" {
  description = "EKS minor version. Upgrade one minor at a time, dev first; standard support lasts 14 months per minor."
  type        = string
  default     = "1.35"
}

variable "private_subnet_ids" {
  description = "Data-tier subnets (no internet route) for the control-plane ENIs and every node group except the egress one."
  type        = list(string)
}

variable "egress_subnet_ids" {
  description = "Egress-tier subnets (NAT route) for node groups with egress = true. Empty: no node group may set egress."
  type        = list(string)
  default     = []
}

variable "endpoint_public_access_cidrs" {
  description = "CIDRs allowed to reach the public API endpoint. Empty list = private endpoint only (reach it through VPN or in-VPC runners)."
  type        = list(string)
  default     = []
}

variable "admin_role_arns" {
  description = "IAM roles (SSO permission sets, break-glass) granted cluster-admin through EKS access entries."
  type        = list(string)
}

variable "readonly_role_arns" {
  description = "IAM roles granted read-only cluster access (on-call engineers, auditors)."
  type        = list(string)
  default     = []
}

variable "node_groups" {
  description = <<-EOT
    Managed node groups keyed by name: 'system' for controllers (Argo CD, Karpenter, External
    Secrets, monitoring), 'kafka' for brokers (tainted, on-demand, EBS-backed) and 'egress'
    (egress = true, tainted) for the few components that must reach the internet. Everything
    else is provisioned by Karpenter in the data tier.
  EOT
  type = map(object({
    instance_types = list(string)
    capacity_type  = string # ON_DEMAND or SPOT
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gib  = number
    labels         = map(string)
    # Place the group in the egress tier (NAT route) instead of the data tier.
    egress = optional(bool, false)
    taints = list(object({
      key    = string
      value  = string
      effect = string # NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE
    }))
  }))
}

variable "permissions_boundary_arn" {
  description = "Boundary attached to every role this module creates (created by the bootstrap stack)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of control-plane logs in CloudWatch. Audit logs are the evidence for who changed what in the cluster."
  type        = number
  default     = 90
}

data "aws_partition" "current" {}

# --- Encryption of Kubernetes Secrets with a customer-managed key --------------------------------

resource "aws_kms_key" "eks" {
  description             = "${var.name} EKS secrets envelope encryption"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "eks" {
  name          = "alias/${var.name}-eks"
  target_key_id = aws_kms_key.eks.key_id
}

# --- Control plane -------------------------------------------------------------------------------

data "aws_iam_policy_document" "cluster_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cluster" {
  name                 = "${var.name}-eks-cluster"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.cluster_assume.json
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

# Create the log group ourselves so retention is set; EKS would otherwise create it with
# "never expire".
resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/${var.name}/cluster"
  retention_in_days = var.log_retention_days
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  # Access entries only (no aws-auth ConfigMap), and the identity that ran Terraform does not
  # become a hidden cluster admin: every admin is listed in admin_role_arns.
  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = length(var.endpoint_public_access_cidrs) > 0
    public_access_cidrs     = length(var.endpoint_public_access_cidrs) > 0 ? var.endpoint_public_access_cidrs : null
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }

  # STANDARD makes EKS auto-upgrade a minor version at the end of standard support instead of
  # silently moving it into paid extended support. Use EXTENDED only with a dated plan.
  upgrade_policy {
    support_type = "STANDARD"
  }

  depends_on = [
    aws_iam_role_policy_attachment.cluster,
    aws_cloudwatch_log_group.cluster,
  ]
}

# --- Human access through access entries ---------------------------------------------------------

resource "aws_eks_access_entry" "admin" {
  for_each      = toset(var.admin_role_arns)
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
}

resource "aws_eks_access_policy_association" "admin" {
  for_each      = toset(var.admin_role_arns)
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }

  depends_on = [aws_eks_access_entry.admin]
}

resource "aws_eks_access_entry" "readonly" {
  for_each      = toset(var.readonly_role_arns)
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
}

resource "aws_eks_access_policy_association" "readonly" {
  for_each      = toset(var.readonly_role_arns)
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"

  access_scope {
    type = "cluster"
  }

  depends_on = [aws_eks_access_entry.readonly]
}

# --- Nodes ---------------------------------------------------------------------------------------

data "aws_iam_policy_document" "node_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name                 = "${var.name}-eks-node"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.node_assume.json
}

# Nodes get only what the kubelet and image pulls need. Workloads get AWS permissions through
# EKS Pod Identity (see the iam module), never through the node role.
resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonSSMManagedInstanceCore",
  ])
  role       = aws_iam_role.node.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"
}

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name_prefix = "${var.name}-${each.key}-"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = each.value.disk_size_gib
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  # IMDSv2 only, and a hop limit of 1 so pods cannot borrow the node role through the metadata
  # service.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${var.name}-${each.key}" }
  }
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = each.value.egress ? var.egress_subnet_ids : var.private_subnet_ids
  instance_types  = each.value.instance_types
  capacity_type   = each.value.capacity_type
  ami_type        = "AL2023_x86_64_STANDARD"
  labels          = merge(each.value.labels, { "platform.example.com/node-group" = each.key })

  # Follow the control plane: the apply that bumps kubernetes_version upgrades the cluster first
  # and then rolls each group (update_config below). Left unset, a group keeps its old version,
  # since EKS never upgrades managed nodes with the control plane.
  version = aws_eks_cluster.this.version

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.desired_size
  }

  # Replace at most a third of a group at a time during AMI or version upgrades, so Kafka keeps
  # a quorum and Trino keeps capacity.
  update_config {
    max_unavailable_percentage = 33
  }

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  dynamic "taint" {
    for_each = each.value.taints
    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  # Karpenter never scales managed node groups and these configs install no Cluster
  # Autoscaler, so each group stays at desired_size (set equal to min_size in the roots).
  # Ignoring it keeps the next apply from undoing a manual scale-out or an autoscaler added
  # later.
  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]

    precondition {
      condition     = !each.value.egress || length(var.egress_subnet_ids) > 0
      error_message = "Node group ${each.key} sets egress = true, but egress_subnet_ids is empty: pass module.network.egress_subnet_ids."
    }
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

# --- Add-ons -------------------------------------------------------------------------------------

data "aws_iam_policy_document" "pod_identity_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "vpc_cni" {
  name                 = "${var.name}-vpc-cni"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.pod_identity_assume.json
}

resource "aws_iam_role_policy_attachment" "vpc_cni" {
  role       = aws_iam_role.vpc_cni.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKS_CNI_Policy"
}

resource "aws_iam_role" "ebs_csi" {
  name                 = "${var.name}-ebs-csi"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.pod_identity_assume.json
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  role       = aws_iam_role.ebs_csi.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

# The Pod Identity agent must run before add-ons that rely on it.
resource "aws_eks_addon" "pod_identity_agent" {
  cluster_name = aws_eks_cluster.this.name
  addon_name   = "eks-pod-identity-agent"
}

resource "aws_eks_pod_identity_association" "vpc_cni" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "kube-system"
  service_account = "aws-node"
  role_arn        = aws_iam_role.vpc_cni.arn
}

resource "aws_eks_pod_identity_association" "ebs_csi" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "kube-system"
  service_account = "ebs-csi-controller-sa"
  role_arn        = aws_iam_role.ebs_csi.arn
}

# Add-on versions are left to EKS's default for the cluster version; pin them in prod once an
# upgrade has been tested in dev (aws eks describe-addon-versions).
resource "aws_eks_addon" "this" {
  for_each = toset(["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver"])

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"

  depends_on = [
    aws_eks_node_group.this,
    aws_eks_addon.pod_identity_agent,
    aws_eks_pod_identity_association.vpc_cni,
    aws_eks_pod_identity_association.ebs_csi,
  ]
}

# --- Karpenter (AWS side) ------------------------------------------------------------------------

data "aws_region" "current" {}

# Karpenter-launched nodes use their own role: managed node groups create an access entry for
# their role automatically, and two entries for one role would conflict.
resource "aws_iam_role" "karpenter_node" {
  name                 = "${var.name}-karpenter-node"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.node_assume.json
}

# Karpenter is given this instance profile (EC2NodeClass spec.instanceProfile) rather than the
# role: with spec.role it creates instance profiles itself through the IAM API, which has no VPC
# endpoint, and the data tier has no other route to it.
resource "aws_iam_instance_profile" "karpenter_node" {
  name = "${var.name}-karpenter-node"
  path = "/data-platform/"
  role = aws_iam_role.karpenter_node.name
}

resource "aws_iam_role_policy_attachment" "karpenter_node" {
  for_each = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonSSMManagedInstanceCore",
  ])
  role       = aws_iam_role.karpenter_node.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"
}

resource "aws_eks_access_entry" "karpenter_node" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_iam_role.karpenter_node.arn
  type          = "EC2_LINUX"
}

# Spot interruption and rebalance warnings reach Karpenter through this queue, so it can drain a
# node (Trino worker, Flink TaskManager) before AWS reclaims it two minutes later.
resource "aws_sqs_queue" "karpenter" {
  name                      = "${var.name}-karpenter"
  message_retention_seconds = 300
  sqs_managed_sse_enabled   = true
}

data "aws_iam_policy_document" "karpenter_queue" {
  statement {
    sid       = "EventBridgeWrite"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.karpenter.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com", "sqs.amazonaws.com"]
    }
  }
}

resource "aws_sqs_queue_policy" "karpenter" {
  queue_url = aws_sqs_queue.karpenter.url
  policy    = data.aws_iam_policy_document.karpenter_queue.json
}

locals {
  karpenter_events = {
    spot-interruption = { source = ["aws.ec2"], detail-type = ["EC2 Spot Instance Interruption Warning"] }
    rebalance         = { source = ["aws.ec2"], detail-type = ["EC2 Instance Rebalance Recommendation"] }
    state-change      = { source = ["aws.ec2"], detail-type = ["EC2 Instance State-change Notification"] }
    scheduled-change  = { source = ["aws.health"], detail-type = ["AWS Health Event"] }
  }
}

resource "aws_cloudwatch_event_rule" "karpenter" {
  for_each      = local.karpenter_events
  name          = "${var.name}-karpenter-${each.key}"
  event_pattern = jsonencode(each.value)
}

resource "aws_cloudwatch_event_target" "karpenter" {
  for_each = local.karpenter_events
  rule     = aws_cloudwatch_event_rule.karpenter[each.key].name
  arn      = aws_sqs_queue.karpenter.arn
}

resource "aws_iam_role" "karpenter_controller" {
  name                 = "${var.name}-karpenter-controller"
  path                 = "/data-platform/"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy   = data.aws_iam_policy_document.pod_identity_assume.json
}

# The read actions follow the controller policy of Karpenter v1.14.1's getting-started
# cloudformation.yaml; the write actions are scoped more loosely than there (no tag conditions).
data "aws_iam_policy_document" "karpenter_controller" {
  statement {
    sid = "Ec2Read"
    actions = [
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeCapacityReservations",
      "ec2:DescribeImages",
      "ec2:DescribeInstances",
      # Karpenter's instance-status health checks stay off without it (v1.14 logs an error).
      "ec2:DescribeInstanceStatus",
      "ec2:DescribeInstanceTypeOfferings",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplates",
      "ec2:DescribePlacementGroups",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSpotPriceHistory",
      "ec2:DescribeSubnets",
      "pricing:GetProducts",
    ]
    resources = ["*"]
  }

  statement {
    sid = "Ec2Launch"
    actions = [
      "ec2:CreateFleet",
      "ec2:CreateLaunchTemplate",
      "ec2:CreateTags",
      "ec2:RunInstances",
    ]
    resources = ["*"]
  }

  # Karpenter may only terminate or rewrite what it launched for this cluster.
  statement {
    sid       = "Ec2ScopedDelete"
    actions   = ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/kubernetes.io/cluster/${var.name}"
      values   = ["owned"]
    }
  }

  statement {
    sid       = "AmiParameters"
    actions   = ["ssm:GetParameter"]
    resources = ["arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.region}::parameter/aws/service/*"]
  }

  statement {
    sid       = "PassNodeRole"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.karpenter_node.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com"]
    }
  }

  statement {
    sid = "InstanceProfiles"
    actions = [
      "iam:AddRoleToInstanceProfile",
      "iam:CreateInstanceProfile",
      "iam:DeleteInstanceProfile",
      "iam:GetInstanceProfile",
      "iam:ListInstanceProfiles",
      "iam:RemoveRoleFromInstanceProfile",
      "iam:TagInstanceProfile",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "Cluster"
    actions   = ["eks:DescribeCluster"]
    resources = [aws_eks_cluster.this.arn]
  }

  statement {
    sid       = "Interruptions"
    actions   = ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"]
    resources = [aws_sqs_queue.karpenter.arn]
  }
}

resource "aws_iam_role_policy" "karpenter_controller" {
  name   = "karpenter"
  role   = aws_iam_role.karpenter_controller.id
  policy = data.aws_iam_policy_document.karpenter_controller.json
}

resource "aws_eks_pod_identity_association" "karpenter" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "kube-system"
  service_account = "karpenter"
  role_arn        = aws_iam_role.karpenter_controller.arn
}

# EC2NodeClass objects select the cluster security group by this tag.
resource "aws_ec2_tag" "cluster_sg_discovery" {
  resource_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  key         = "karpenter.sh/discovery"
  value       = var.name
}

output "cluster_name" {
  value = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "cluster_security_group_id" {
  description = "Security group EKS attaches to the control plane and managed nodes."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "node_role_arn" {
  value = aws_iam_role.node.arn
}

output "node_role_name" {
  description = "Role of the managed node groups (including the egress group)."
  value       = aws_iam_role.node.name
}

output "karpenter_node_instance_profile_name" {
  description = "Instance profile for the EC2NodeClass spec.instanceProfile field."
  value       = aws_iam_instance_profile.karpenter_node.name
}

output "karpenter_node_role_name" {
  description = "Role inside the instance profile above (the EC2NodeClass names the profile, not the role)."
  value       = aws_iam_role.karpenter_node.name
}

output "karpenter_queue_name" {
  description = "Value for the Karpenter Helm chart's settings.interruptionQueue."
  value       = aws_sqs_queue.karpenter.name
}
