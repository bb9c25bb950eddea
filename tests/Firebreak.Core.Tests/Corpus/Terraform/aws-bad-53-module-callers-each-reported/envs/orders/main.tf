module "db" {
  source              = "../../modules/rds"
  identifier          = "orders"
  skip_final_snapshot = true # expect: FB1102
}

module "safe" {
  source     = "../../modules/rds"
  identifier = "orders-archive"
}
