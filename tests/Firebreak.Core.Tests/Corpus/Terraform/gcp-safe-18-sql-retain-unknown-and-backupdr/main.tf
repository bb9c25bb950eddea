variable "retain_backups_on_delete" {
  type = bool
}

resource "google_sql_database_instance" "a" {
  name             = "a"
  database_version = "POSTGRES_15"
  settings {
    tier                     = "db-f1-micro"
    retain_backups_on_delete = var.retain_backups_on_delete
    backup_configuration {
      enabled = true
    }
  }
}
