variable "env" {
  type = string
}

resource "aws_db_instance" "this" {
  identifier               = "catalog-${var.env}"
  engine                   = "postgres"
  instance_class           = "db.t4g.medium"
  backup_retention_period  = 7
  delete_automated_backups = false
  skip_final_snapshot      = var.env != "prod"
  deletion_protection      = var.env == "prod"

  lifecycle {
    prevent_destroy = true
  }
}
