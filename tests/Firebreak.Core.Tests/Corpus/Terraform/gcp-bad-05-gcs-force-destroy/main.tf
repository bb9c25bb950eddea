resource "google_storage_bucket" "exports" {
  name                        = "acme-bq-exports"
  location                    = "EU"
  force_destroy               = true # expect: FB1103
  uniform_bucket_level_access = true

  versioning {
    enabled = true
  }
}
