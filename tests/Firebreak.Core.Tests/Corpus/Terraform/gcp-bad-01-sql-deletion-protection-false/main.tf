resource "google_sql_database_instance" "main" {
  name                = "orders-pg"
  database_version    = "POSTGRES_15"
  region              = "europe-west1"
  deletion_protection = false # expect: FB1101

  settings {
    retain_backups_on_delete = true
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
