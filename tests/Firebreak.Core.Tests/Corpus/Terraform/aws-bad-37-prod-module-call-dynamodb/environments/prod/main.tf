module "orders_table" {
  source = "../../modules/table"
  name   = "orders-prod"
}
