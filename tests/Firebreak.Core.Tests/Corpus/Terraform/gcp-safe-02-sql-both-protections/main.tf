resource "google_sql_database_instance" "main" {
  name                = "inventory"
  database_version    = "MYSQL_8_0"
  region              = "us-central1"
  deletion_protection = true

  settings {
    retain_backups_on_delete = true
    tier                        = "db-n1-standard-2"
    deletion_protection_enabled = true

    backup_configuration {
      enabled            = true
      binary_log_enabled = true
    }
  }
}
