variable "backup_retention_period" {
  description = "The days to retain backups for"
  type        = number
  default     = 0
}

resource "aws_db_instance" "cache_db" {
  identifier              = "cache"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  deletion_protection     = true
  skip_final_snapshot     = false
  backup_retention_period = var.backup_retention_period # expect: FB3004
}
