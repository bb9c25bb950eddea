resource "azurerm_resource_group" "this" {
  name     = "rg-orders-weu"
  location = "westeurope"
}

resource "azurerm_mssql_server" "this" { # expect: FB1105
  name                         = "sql-orders-weu"
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  version                      = "12.0"
  minimum_tls_version          = "1.2"
  administrator_login          = "sqladmin"
  administrator_login_password = var.admin_password
}

resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.this.id
  sku_name  = "S1"
}

variable "admin_password" {
  type      = string
  sensitive = true
}
