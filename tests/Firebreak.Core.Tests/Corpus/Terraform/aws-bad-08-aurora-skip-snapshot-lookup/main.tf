locals {
  defaults = {
    skip_final_snapshot = false
    deletion_protection = true
  }
  cluster = merge(local.defaults, var.cluster_overrides)
}

variable "cluster_overrides" {
  type = map(any)
  default = {
    skip_final_snapshot = true
  }
}

resource "aws_rds_cluster" "this" {
  cluster_identifier      = "search"
  engine                  = "aurora-postgresql"
  backup_retention_period = 7
  deletion_protection     = lookup(local.cluster, "deletion_protection", true)
  skip_final_snapshot     = lookup(local.cluster, "skip_final_snapshot", false) # expect: FB1102
}
