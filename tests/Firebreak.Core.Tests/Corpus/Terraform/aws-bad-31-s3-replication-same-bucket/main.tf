resource "aws_s3_bucket_replication_configuration" "self" {
  role   = var.replication_role_arn
  bucket = "acme-reports"

  rule {
    id     = "self"
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::acme-reports" # expect: FB3006
    }
  }
}

variable "replication_role_arn" {
  type = string
}
