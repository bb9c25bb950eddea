resource "aws_s3_bucket" "this" {
  bucket        = "acme-invoices"
  force_destroy = false
}

resource "aws_s3_bucket" "unknown" {
  bucket        = "acme-scratch"
  force_destroy = var.force_destroy
}

variable "force_destroy" {
  type = bool
}

resource "aws_s3_bucket" "defaulted" {
  bucket = "acme-defaulted"
}
