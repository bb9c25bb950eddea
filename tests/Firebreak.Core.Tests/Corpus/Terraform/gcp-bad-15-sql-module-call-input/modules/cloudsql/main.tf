variable "name" {
  type = string
}

variable "deletion_protection" {
  type    = bool
  default = true
}

resource "google_sql_database_instance" "this" {
  name                = var.name
  database_version    = "POSTGRES_15"
  region              = "us-central1"
  deletion_protection = var.deletion_protection

  settings {
    retain_backups_on_delete = true
    tier = "db-custom-1-3840"
    backup_configuration {
      enabled = true
    }
  }
}
