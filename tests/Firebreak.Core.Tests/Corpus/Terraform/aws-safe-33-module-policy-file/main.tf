module "role" {
  source = "./modules/role"
  name   = "reader"
}
