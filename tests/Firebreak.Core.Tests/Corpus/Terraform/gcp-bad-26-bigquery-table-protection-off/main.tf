resource "google_bigquery_dataset" "analytics" {
  dataset_id                 = "analytics"
  location                   = "EU"
  delete_contents_on_destroy = true # expect: FB1103
}

resource "google_bigquery_table" "events" {
  dataset_id          = google_bigquery_dataset.analytics.dataset_id
  table_id            = "events"
  deletion_protection = false # expect: FB1101
}
