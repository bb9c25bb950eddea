variable "lock_scope" {
  type = string
}

resource "azurerm_management_lock" "this" {
  name       = "db-lock"
  scope      = var.lock_scope
  lock_level = "CanNotDelete"
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                = "psql"
  resource_group_name = "rg-psql"
  location            = "westeurope"
  sku_name            = "B_Standard_B1ms"
}
