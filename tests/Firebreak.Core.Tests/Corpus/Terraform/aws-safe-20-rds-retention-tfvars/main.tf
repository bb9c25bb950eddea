variable "backup_retention_period" {
  type    = number
  default = 0
}

resource "aws_db_instance" "this" {
  identifier               = "billing"
  engine                   = "postgres"
  instance_class           = "db.t4g.medium"
  deletion_protection      = true
  delete_automated_backups = false
  backup_retention_period  = var.backup_retention_period
}
