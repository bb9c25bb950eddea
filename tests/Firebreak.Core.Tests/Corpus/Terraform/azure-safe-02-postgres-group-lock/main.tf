resource "azurerm_resource_group" "data" {
  name     = "rg-data"
  location = "eastus2"
}

resource "azurerm_management_lock" "data" {
  name       = "rg-data-lock"
  scope      = azurerm_resource_group.data.id
  lock_level = "CanNotDelete"
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                  = "psql-app-eus2"
  resource_group_name   = azurerm_resource_group.data.name
  location              = azurerm_resource_group.data.location
  version               = "16"
  sku_name              = "GP_Standard_D2ds_v5"
  backup_retention_days = 14
}
