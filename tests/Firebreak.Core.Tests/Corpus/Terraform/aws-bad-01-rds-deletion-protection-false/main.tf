resource "aws_db_instance" "this" {
  identifier                = "orders"
  engine                    = "postgres"
  engine_version            = "16.3"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 50
  username                  = "app"
  manage_master_user_password = true
  backup_retention_period   = 7
  delete_automated_backups  = false
  skip_final_snapshot       = false
  final_snapshot_identifier = "orders-final"
  deletion_protection       = false # expect: FB1101
}
