module "logs_bucket" {
  source = "./modules/bucket"

  bucket_name   = "acme-access-logs"
  force_destroy = true # expect: FB1103
}
