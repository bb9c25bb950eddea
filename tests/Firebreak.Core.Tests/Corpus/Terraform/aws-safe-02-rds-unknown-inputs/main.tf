resource "aws_db_instance" "this" {
  identifier               = var.identifier
  engine                   = "postgres"
  instance_class           = var.instance_class
  backup_retention_period  = var.backup_retention_period
  delete_automated_backups = var.delete_automated_backups
  skip_final_snapshot      = var.skip_final_snapshot
  deletion_protection      = var.deletion_protection
}
