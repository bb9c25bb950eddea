module "role" {
  source = "./modules/role"
  name   = "admin"
}
