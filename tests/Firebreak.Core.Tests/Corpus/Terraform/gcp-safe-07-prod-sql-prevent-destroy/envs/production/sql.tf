resource "google_sql_database_instance" "primary" {
  name             = "primary"
  database_version = "POSTGRES_15"
  region           = "europe-west4"

  settings {
    retain_backups_on_delete = true
    tier = "db-custom-4-15360"
    backup_configuration {
      enabled = true
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_compute_network" "vpc" {
  name = "prod-vpc"
}
