locals {
  bucket_defaults = {
    location      = "US"
    force_destroy = false
  }
  overrides = {
    force_destroy = var.environment != "prod"
  }
  bucket = merge(local.bucket_defaults, local.overrides)
}

variable "environment" {
  type    = string
  default = "dev"
}

resource "google_storage_bucket" "data" {
  name          = "acme-${var.environment}-data"
  location      = local.bucket.location
  force_destroy = local.bucket.force_destroy # expect: FB1103
}
