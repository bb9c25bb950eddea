variable "bucket_name" {
  type = string
}

variable "force_destroy" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy
}
