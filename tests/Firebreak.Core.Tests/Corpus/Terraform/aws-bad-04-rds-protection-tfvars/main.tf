variable "deletion_protection" {
  type = bool
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "billing"
  engine                  = "aurora-postgresql"
  master_username         = "billing"
  manage_master_user_password = true
  backup_retention_period = 14
  skip_final_snapshot     = false
  deletion_protection     = var.deletion_protection # expect: FB1101
}
