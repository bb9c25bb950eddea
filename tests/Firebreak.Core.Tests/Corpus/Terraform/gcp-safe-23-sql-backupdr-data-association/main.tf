data "google_backup_dr_backup_plan_association" "association" {
  project                    = "acme-prod"
  location                   = "us-central1"
  backup_plan_association_id = "sql-daily"
}

resource "google_sql_database_instance" "main" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "us-central1"

  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
    }
  }
}
