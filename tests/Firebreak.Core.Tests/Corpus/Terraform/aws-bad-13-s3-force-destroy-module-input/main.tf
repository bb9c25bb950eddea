module "logs_bucket" {
  source = "./modules/bucket"

  bucket_name   = "acme-access-logs"
  force_destroy = true
}
