data "azurerm_subscription" "current" {}

resource "azurerm_management_lock" "subscription" {
  name       = "subscription-no-delete"
  scope      = data.azurerm_subscription.current.id
  lock_level = "CanNotDelete"
  notes      = "Nothing in the data subscription may be deleted"
}

resource "azurerm_mssql_server" "this" {
  name                = "sql-data"
  resource_group_name = "rg-data"
  location            = "westeurope"
  version             = "12.0"
}
