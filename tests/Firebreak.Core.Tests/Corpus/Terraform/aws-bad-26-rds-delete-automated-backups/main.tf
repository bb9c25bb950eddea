resource "aws_db_instance" "app" {
  identifier                = "app"
  engine                    = "mariadb"
  instance_class            = "db.t4g.small"
  allocated_storage         = 20
  backup_retention_period   = 7
  deletion_protection       = true
  final_snapshot_identifier = "app-final"
  delete_automated_backups  = true # expect: FB3001
}
