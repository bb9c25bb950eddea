resource "azurerm_resource_group" "db" {
  name     = "rg-db-prod"
  location = "westeurope"
}

resource "azurerm_management_lock" "db" {
  name       = "rg-db-prod-lock"
  scope      = azurerm_resource_group.db.id
  lock_level = "CanNotDelete"
}

resource "azurerm_mssql_server" "this" { # expect: FB1104
  name                = "sql-prod"
  resource_group_name = azurerm_resource_group.db.name
  location            = azurerm_resource_group.db.location
  version             = "12.0"
}
