variable "buckets" {
  type    = list(string)
  default = ["raw", "curated"]
}

resource "aws_s3_bucket" "lake" {
  count         = length(var.buckets)
  bucket        = "acme-lake-${var.buckets[count.index]}"
  force_destroy = count.index == 0 # expect: FB1103
}
