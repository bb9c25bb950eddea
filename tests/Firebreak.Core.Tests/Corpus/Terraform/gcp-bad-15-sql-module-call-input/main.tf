module "postgres" {
  source              = "./modules/cloudsql"
  name                = "billing"
  deletion_protection = false # expect: FB1101
}
