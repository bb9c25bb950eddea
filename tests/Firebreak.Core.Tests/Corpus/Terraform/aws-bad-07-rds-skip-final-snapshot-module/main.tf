module "db" {
  source = "./modules/rds"

  identifier          = "payments"
  skip_final_snapshot = true # expect: FB1102
}
