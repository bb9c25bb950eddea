resource "google_spanner_instance" "main" {
  name         = "ledger"
  config       = "regional-europe-west1"
  display_name = "Ledger"
  num_nodes    = 1
}

resource "google_spanner_database" "ledger" {
  instance                 = google_spanner_instance.main.name
  name                     = "ledger"
  version_retention_period = "3d"
}

resource "google_spanner_database" "audit" {
  instance            = google_spanner_instance.main.name
  name                = "audit"
  deletion_protection = true
}
