module "api" {
  source = "../../modules/service"
  name   = "catalog"
}
