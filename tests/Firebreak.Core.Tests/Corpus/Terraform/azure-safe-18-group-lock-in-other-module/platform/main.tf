resource "azurerm_resource_group" "data" {
  name     = "rg-billing-data"
  location = "westeurope"
}

resource "azurerm_management_lock" "data" {
  name       = "no-delete"
  scope      = azurerm_resource_group.data.id
  lock_level = "CanNotDelete"
}
