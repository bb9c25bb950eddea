variable "resource_group_name" {
  type    = string
  default = "rg-erp-prd"
}

resource "azurerm_linux_virtual_machine" "erp" {
  name                = "vm-erp"
  resource_group_name = var.resource_group_name
  location            = "westeurope"
  size                = "Standard_D4s_v5"
  admin_username      = "azureuser"
  network_interface_ids = []
}

resource "azurerm_recovery_services_vault" "this" {
  name                = "rsv-erp"
  location            = "westeurope"
  resource_group_name = var.resource_group_name # expect: FB3007
  sku                 = "Standard"
  soft_delete_enabled = true
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "daily"
  resource_group_name = var.resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  backup {
    frequency = "Daily"
    time      = "23:00"
  }
  retention_daily {
    count = 14
  }
}

resource "azurerm_backup_protected_vm" "erp" {
  resource_group_name = var.resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  source_vm_id        = azurerm_linux_virtual_machine.erp.id
  backup_policy_id    = azurerm_backup_policy_vm.daily.id
}
