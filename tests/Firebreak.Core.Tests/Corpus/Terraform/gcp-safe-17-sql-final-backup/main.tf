resource "google_sql_database_instance" "main" {
  name             = "ledger"
  database_version = "POSTGRES_15"
  region           = "us-central1"

  settings {
    tier = "db-custom-1-3840"

    final_backup_config {
      enabled        = true
      retention_days = 90
    }

    backup_configuration {
      enabled = true
    }
  }
}
