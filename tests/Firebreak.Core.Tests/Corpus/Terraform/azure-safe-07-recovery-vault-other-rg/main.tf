variable "resource_group_name" {
  type = string
}

variable "vault_resource_group_name" {
  type = string
}

resource "azurerm_linux_virtual_machine" "erp" {
  name                  = "vm-erp"
  resource_group_name   = var.resource_group_name
  location              = "westeurope"
  size                  = "Standard_D4s_v5"
  admin_username        = "azureuser"
  network_interface_ids = []
}

resource "azurerm_recovery_services_vault" "this" {
  name                = "rsv-erp"
  location            = "westeurope"
  resource_group_name = var.vault_resource_group_name
  sku                 = "Standard"
}

resource "azurerm_backup_protected_vm" "erp" {
  resource_group_name = var.vault_resource_group_name
  recovery_vault_name = azurerm_recovery_services_vault.this.name
  source_vm_id        = azurerm_linux_virtual_machine.erp.id
  backup_policy_id    = "policy"
}
