resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_resource_group" "backup" {
  name     = "rg-backup"
  location = "westeurope"
}

resource "azurerm_managed_disk" "data" {
  name                 = "disk-data"
  location             = azurerm_resource_group.app.location
  resource_group_name  = azurerm_resource_group.app.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256
}

resource "azurerm_data_protection_backup_vault" "this" {
  name                = "bvault-app"
  resource_group_name = azurerm_resource_group.backup.name
  location            = azurerm_resource_group.backup.location
  datastore_type      = "VaultStore"
  redundancy          = "GeoRedundant"
}

resource "azurerm_data_protection_backup_instance_disk" "data" {
  name                         = "data"
  location                     = azurerm_data_protection_backup_vault.this.location
  vault_id                     = azurerm_data_protection_backup_vault.this.id
  disk_id                      = azurerm_managed_disk.data.id
  snapshot_resource_group_name = azurerm_resource_group.app.name
  backup_policy_id             = "policy"
}
