resource "aws_db_instance" "primary" { # expect: FB1104
  identifier               = "prod-primary"
  engine                   = "postgres"
  instance_class           = "db.r6g.xlarge"
  backup_retention_period  = 30
  delete_automated_backups = false
  deletion_protection      = true
  skip_final_snapshot      = false
}

resource "aws_db_instance_automated_backups_replication" "primary" {
  source_db_instance_arn = aws_db_instance.primary.arn
  retention_period       = 14
}
