resource "google_storage_bucket" "exports" {
  name                        = "acme-bq-exports"
  location                    = "EU"
  force_destroy               = false
  uniform_bucket_level_access = true
}

resource "google_storage_bucket" "scratch" {
  name          = "acme-scratch"
  location      = "EU"
  force_destroy = var.force_destroy
}

variable "force_destroy" {
  type = bool
}
