resource "google_bigquery_dataset" "analytics" {
  dataset_id                 = "analytics"
  location                   = "EU"
  delete_contents_on_destroy = false
}

resource "google_compute_disk" "data" {
  name = "data"
  type = "pd-ssd"
  zone = "europe-west1-b"
  size = 200
}
