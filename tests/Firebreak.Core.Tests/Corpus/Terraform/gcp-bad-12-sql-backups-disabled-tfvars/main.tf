variable "backup_configuration" {
  type = object({
    enabled    = bool
    start_time = string
  })
  default = {
    enabled    = true
    start_time = "03:00"
  }
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "MYSQL_8_0"
  region           = "us-east1"

  settings {
    tier = "db-n1-standard-1"
    backup_configuration {
      enabled    = var.backup_configuration.enabled # expect: FB3004
      start_time = var.backup_configuration.start_time
    }
  }
}
