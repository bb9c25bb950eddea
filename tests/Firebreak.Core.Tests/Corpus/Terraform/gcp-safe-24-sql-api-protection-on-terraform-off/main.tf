resource "google_sql_database_instance" "main" {
  name                = "ledger"
  database_version    = "POSTGRES_15"
  region              = "us-central1"
  deletion_protection = false

  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = true
    retain_backups_on_delete    = true
    backup_configuration {
      enabled = true
    }
  }
}
