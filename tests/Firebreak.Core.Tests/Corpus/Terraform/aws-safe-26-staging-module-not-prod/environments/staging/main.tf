resource "aws_s3_bucket" "assets" {
  bucket = "acme-staging-assets"
}

resource "aws_dynamodb_table" "locks" {
  name                        = "terraform-locks"
  hash_key                    = "LockID"
  billing_mode                = "PAY_PER_REQUEST"
  deletion_protection_enabled = true
  attribute {
    name = "LockID"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
