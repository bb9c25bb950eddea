variable "backup_configuration" {
  type = object({
    enabled    = bool
    start_time = string
  })
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "MYSQL_8_0"
  region           = "us-east1"

  settings {
    tier = "db-n1-standard-1"
    dynamic "backup_configuration" {
      for_each = [var.backup_configuration]
      content {
        enabled    = backup_configuration.value.enabled
        start_time = backup_configuration.value.start_time
      }
    }
  }
}
