data "azurerm_subscription" "current" {}

locals {
  role_assignments = {
    platform = {
      role  = "Owner"
      scope = data.azurerm_subscription.current.id
    }
  }
}

resource "azurerm_role_assignment" "platform" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = local.role_assignments["platform"].role # expect: FB2104
  principal_id         = "00000000-0000-0000-0000-000000000001"
}
