variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "enable_lock" {
  type    = bool
  default = false
}

resource "azurerm_mssql_server" "this" { # expect: FB1105
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_management_lock" "this" {
  count      = var.enable_lock ? 1 : 0
  name       = "${var.name}-lock"
  scope      = azurerm_mssql_server.this.id
  lock_level = "CanNotDelete"
}
