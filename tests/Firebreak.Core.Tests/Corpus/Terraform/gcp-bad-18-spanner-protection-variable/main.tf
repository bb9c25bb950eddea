variable "database_deletion_protection" {
  type    = bool
  default = false
}

resource "google_spanner_database" "db" {
  instance            = "main"
  name                = "accounts"
  deletion_protection = var.database_deletion_protection # expect: FB1101
}
