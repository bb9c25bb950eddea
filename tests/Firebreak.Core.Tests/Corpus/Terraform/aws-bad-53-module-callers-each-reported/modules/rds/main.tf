variable "identifier" {
  type = string
}

variable "skip_final_snapshot" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier                = var.identifier
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  backup_retention_period   = 7
  delete_automated_backups  = false
  deletion_protection       = true
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.identifier}-final"
}
