resource "azurerm_mysql_flexible_server" "primary" { # expect: FB1105
  name                   = "mysql-primary"
  resource_group_name    = "rg-mysql"
  location               = "northeurope"
  administrator_login    = "mysqladmin"
  administrator_password = var.password
  sku_name               = "GP_Standard_D2ds_v4"
  backup_retention_days  = 7
}

resource "azurerm_mysql_flexible_server" "secondary" {
  name                   = "mysql-secondary"
  resource_group_name    = "rg-mysql"
  location               = "northeurope"
  administrator_login    = "mysqladmin"
  administrator_password = var.password
  sku_name               = "GP_Standard_D2ds_v4"
}

resource "azurerm_management_lock" "secondary" {
  name       = "secondary"
  scope      = azurerm_mysql_flexible_server.secondary.id
  lock_level = "CanNotDelete"
}

variable "password" {
  type      = string
  sensitive = true
}
