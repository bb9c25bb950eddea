module "spanner" {
  source              = "./modules/spanner"
  deletion_protection = true
}
