data "azurerm_subscription" "primary" {}

data "azurerm_client_config" "current" {}

resource "azurerm_role_assignment" "pipeline_owner" {
  scope                = data.azurerm_subscription.primary.id
  role_definition_name = "Owner" # expect: FB2104
  principal_id         = data.azurerm_client_config.current.object_id
}
