module "api" {
  source              = "../../modules/service"
  name                = "search"
  skip_final_snapshot = true # expect: FB1102
}
