resource "google_sql_database_instance" "main" {
  name             = "crm"
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
    }
  }
}

resource "google_backup_dr_backup_plan_association" "sql" {
  location                   = "us-central1"
  backup_plan_association_id = "crm-sql"
  resource                   = "projects/acme/instances/${google_sql_database_instance.main.name}"
  resource_type              = "sqladmin.googleapis.com/Instance"
  backup_plan                = "projects/acme/locations/us-central1/backupPlans/gold"
}
