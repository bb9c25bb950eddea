resource "aws_s3_bucket" "source" {
  bucket = "acme-ledger"
}

resource "aws_s3_bucket_replication_configuration" "this" {
  role   = "arn:aws:iam::123456789012:role/s3-replication"
  bucket = aws_s3_bucket.source.id

  rule {
    id     = "to-vault-account"
    status = "Enabled"
    destination {
      bucket  = var.destination_bucket_arn
      account = var.destination_account_id
    }
  }
}

variable "destination_bucket_arn" {
  type = string
}

variable "destination_account_id" {
  type = string
}
