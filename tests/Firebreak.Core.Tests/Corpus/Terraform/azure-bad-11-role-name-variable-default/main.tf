data "azurerm_subscription" "current" {}

variable "role_definition_name" {
  type    = string
  default = "Contributor"
}

resource "azurerm_role_assignment" "github" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = var.role_definition_name # expect: FB2104
  principal_id         = azuread_service_principal.github.object_id
}
