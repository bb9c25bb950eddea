resource "google_sql_database_instance" "cache" {
  name             = "cache"
  database_version = "POSTGRES_16"
  region           = "us-east1"

  settings {
    tier = "db-g1-small"

    backup_configuration {
      enabled = false # expect: FB3004
    }
  }
}
