resource "aws_s3_bucket" "artifacts" {
  bucket        = "acme-build-artifacts"
  force_destroy = true # expect: FB1103

  tags = {
    Team = "platform"
  }
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}
