resource "aws_db_instance" "default" { # expect: FB1101
  identifier               = "legacy-mysql"
  engine                   = "mysql"
  instance_class           = "db.m6g.large"
  allocated_storage        = 100
  backup_retention_period  = 14
  delete_automated_backups = false
  final_snapshot_identifier = "legacy-mysql-final"
}
