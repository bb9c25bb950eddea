provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "replica"
  region = "eu-central-1"
}

resource "aws_s3_bucket" "source" {
  bucket = "acme-invoices"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  bucket   = "acme-invoices-replica"
}

resource "aws_s3_bucket_replication_configuration" "this" {
  role   = "arn:aws:iam::123456789012:role/s3-replication"
  bucket = aws_s3_bucket.source.id

  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket        = aws_s3_bucket.replica.arn
      storage_class = "STANDARD_IA"
    }
  }
}
