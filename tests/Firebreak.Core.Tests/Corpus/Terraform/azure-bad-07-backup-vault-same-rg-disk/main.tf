resource "azurerm_resource_group" "app" {
  name     = "rg-app"
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
  resource_group_name = azurerm_resource_group.app.name # expect: FB3007
  location            = azurerm_resource_group.app.location
  datastore_type      = "VaultStore"
  redundancy          = "GeoRedundant"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_data_protection_backup_policy_disk" "daily" {
  name                            = "daily"
  vault_id                        = azurerm_data_protection_backup_vault.this.id
  backup_repeating_time_intervals = ["R/2024-01-01T02:00:00+00:00/P1D"]
  default_retention_duration      = "P7D"
}

resource "azurerm_data_protection_backup_instance_disk" "data" {
  name                         = "data"
  location                     = azurerm_data_protection_backup_vault.this.location
  vault_id                     = azurerm_data_protection_backup_vault.this.id
  disk_id                      = azurerm_managed_disk.data.id
  snapshot_resource_group_name = azurerm_resource_group.app.name
  backup_policy_id             = azurerm_data_protection_backup_policy_disk.daily.id
}
