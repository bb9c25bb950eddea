variable "retain_backups_on_delete" {
  description = "Keep backups after the instance is deleted"
  type        = bool
  default     = false
}

resource "google_sql_database_instance" "main" {
  name             = "billing"
  database_version = "MYSQL_8_0"
  region           = "us-east4"

  settings {
    tier                     = "db-n1-standard-2"
    retain_backups_on_delete = var.retain_backups_on_delete # expect: FB3008

    backup_configuration {
      enabled            = true
      binary_log_enabled = true
    }
  }
}
