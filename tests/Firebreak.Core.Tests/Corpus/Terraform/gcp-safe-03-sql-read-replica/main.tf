resource "google_sql_database_instance" "primary" {
  name             = "primary"
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    retain_backups_on_delete = true
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "primary-replica"
  master_instance_name = google_sql_database_instance.primary.name
  database_version     = "POSTGRES_15"
  region               = "us-east1"
  deletion_protection  = false

  replica_configuration {
    failover_target = false
  }

  settings {
    retain_backups_on_delete = true
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = false
    }
  }
}
