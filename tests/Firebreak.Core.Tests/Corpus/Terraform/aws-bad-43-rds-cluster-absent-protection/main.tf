resource "aws_rds_cluster" "this" { # expect: FB1101
  cluster_identifier          = "analytics"
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  master_username             = "root"
  manage_master_user_password = true
  backup_retention_period     = 7
  final_snapshot_identifier   = "analytics-final"

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}
