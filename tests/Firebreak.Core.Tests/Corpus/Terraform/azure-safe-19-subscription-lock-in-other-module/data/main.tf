resource "azurerm_resource_group" "data" {
  name     = "rg-app-data"
  location = "westeurope"
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                = "psql-app"
  resource_group_name = azurerm_resource_group.data.name
  location            = azurerm_resource_group.data.location
  version             = "16"
  sku_name            = "GP_Standard_D2ds_v5"
}
