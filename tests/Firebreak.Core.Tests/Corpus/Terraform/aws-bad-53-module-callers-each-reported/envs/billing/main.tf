module "db" {
  source              = "../../modules/rds"
  identifier          = "billing"
  skip_final_snapshot = true # expect: FB1102
}
