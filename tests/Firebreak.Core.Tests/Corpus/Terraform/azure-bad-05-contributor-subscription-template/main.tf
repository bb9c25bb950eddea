variable "subscription_id" {
  type = string
}

variable "principal_id" {
  type = string
}

resource "azurerm_role_assignment" "deployer" {
  scope                = "/subscriptions/${var.subscription_id}"
  role_definition_name = "Contributor" # expect: FB2104
  principal_id         = var.principal_id
}
