data "azurerm_subscription" "primary" {}

data "azurerm_role_definition" "contributor" {
  name  = "Contributor"
  scope = data.azurerm_subscription.primary.id
}

resource "azurerm_role_assignment" "pipeline" {
  scope              = data.azurerm_subscription.primary.id
  role_definition_id = data.azurerm_role_definition.contributor.id # expect: FB2104
  principal_id       = "33333333-3333-3333-3333-333333333333"
}
