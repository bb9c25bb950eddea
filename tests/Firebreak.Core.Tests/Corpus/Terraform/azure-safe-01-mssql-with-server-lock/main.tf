resource "azurerm_resource_group" "this" {
  name     = "rg-orders-weu"
  location = "westeurope"
}

resource "azurerm_mssql_server" "this" {
  name                         = "sql-orders-weu"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.admin_password
}

resource "azurerm_management_lock" "sql" {
  name       = "sql-orders-lock"
  scope      = azurerm_mssql_server.this.id
  lock_level = "CanNotDelete"
  notes      = "Production database"
}

variable "admin_password" {
  type      = string
  sensitive = true
}
