resource "google_sql_database_instance" "main" {
  name             = "ledger"
  database_version = "POSTGRES_15"
  region           = "us-central1"

  settings {
    tier = "db-custom-1-3840"

    final_backup_config {
      enabled        = false
      retention_days = 30
    }

    backup_configuration { # expect: FB3008
      enabled = true
    }
  }
}
