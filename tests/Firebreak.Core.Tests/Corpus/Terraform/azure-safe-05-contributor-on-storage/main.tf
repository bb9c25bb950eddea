resource "azurerm_storage_account" "this" {
  name                     = "stacmedata"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_role_assignment" "blob" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.principal_id
}

resource "azurerm_role_assignment" "contrib" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Contributor"
  principal_id         = var.principal_id
}

resource "azurerm_role_assignment" "unknown_scope" {
  scope                = var.scope
  role_definition_name = "Owner"
  principal_id         = var.principal_id
}

variable "principal_id" {
  type = string
}

variable "scope" {
  type = string
}
