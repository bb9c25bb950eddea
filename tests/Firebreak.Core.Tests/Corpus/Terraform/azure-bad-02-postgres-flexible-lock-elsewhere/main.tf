resource "azurerm_resource_group" "data" {
  name     = "rg-data"
  location = "eastus2"
}

resource "azurerm_resource_group" "network" {
  name     = "rg-network"
  location = "eastus2"
}

resource "azurerm_management_lock" "network" {
  name       = "network-lock"
  scope      = azurerm_resource_group.network.id
  lock_level = "CanNotDelete"
  notes      = "Shared networking"
}

resource "azurerm_postgresql_flexible_server" "this" { # expect: FB1105
  name                   = "psql-app-eus2"
  resource_group_name    = azurerm_resource_group.data.name
  location               = azurerm_resource_group.data.location
  version                = "16"
  sku_name               = "GP_Standard_D2ds_v5"
  storage_mb             = 65536
  backup_retention_days  = 14
  administrator_login    = "pgadmin"
  administrator_password = var.admin_password
}

variable "admin_password" {
  type      = string
  sensitive = true
}
