module "logs_bucket" {
  source        = "./modules/bucket"
  bucket_name   = "acme-access-logs"
  force_destroy = var.environment == "sandbox"
}

variable "environment" {
  type    = string
  default = "staging"
}
