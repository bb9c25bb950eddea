resource "google_sql_database_instance" "default" {
  project             = var.project_id
  name                = var.name
  database_version    = var.database_version
  region              = var.region
  deletion_protection = var.deletion_protection # expect: FB1101

  settings {
    retain_backups_on_delete = true
    tier                        = var.tier
    deletion_protection_enabled = var.deletion_protection_enabled

    backup_configuration {
      enabled = true
    }
  }
}
