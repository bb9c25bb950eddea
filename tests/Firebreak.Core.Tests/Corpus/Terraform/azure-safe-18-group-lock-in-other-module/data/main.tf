resource "azurerm_mssql_server" "this" {
  name                         = "sql-billing"
  resource_group_name          = "rg-billing-data"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.password
}

variable "password" {
  type      = string
  sensitive = true
}
