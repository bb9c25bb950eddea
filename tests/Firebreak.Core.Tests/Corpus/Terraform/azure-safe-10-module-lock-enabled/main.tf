module "sql" {
  source              = "./modules/sql"
  name                = "sql-billing"
  resource_group_name = "rg-billing"
  enable_lock         = true
}
