data "azurerm_subscription" "current" {}

resource "azurerm_management_lock" "rg" {
  name       = "rg-mysql-lock"
  scope      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mysql"
  lock_level = "CanNotDelete"
}

resource "azurerm_mysql_flexible_server" "primary" {
  name                = "mysql-primary"
  resource_group_name = "rg-mysql"
  location            = "northeurope"
  sku_name            = "GP_Standard_D2ds_v4"
}
