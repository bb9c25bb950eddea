locals {
  bucket_defaults = {
    force_destroy = false
    versioning    = true
  }
  buckets = { for name, cfg in var.buckets : name => merge(local.bucket_defaults, cfg) }
}

resource "aws_s3_bucket" "data" {
  bucket        = "acme-data-lake"
  force_destroy = local.buckets["data"].force_destroy # expect: FB1103
}
