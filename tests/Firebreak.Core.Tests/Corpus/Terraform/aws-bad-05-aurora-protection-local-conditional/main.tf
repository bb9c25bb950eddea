locals {
  is_production = var.environment == "production"
  db_settings = {
    deletion_protection = local.is_production ? true : false
    retention           = local.is_production ? 35 : 7
  }
}

variable "environment" {
  type    = string
  default = "staging"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier      = "app-${var.environment}"
  engine                  = "aurora-mysql"
  backup_retention_period = local.db_settings.retention
  deletion_protection     = local.db_settings.deletion_protection # expect: FB1101
  skip_final_snapshot     = false
}

resource "aws_rds_cluster_instance" "main" {
  count              = 2
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
