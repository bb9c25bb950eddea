data "azurerm_subscription" "current" {}

variable "assignments" {
  type = map(string)
  default = {
    platform = "Owner"
    audit    = "Reader"
  }
}

resource "azurerm_role_assignment" "this" {
  for_each             = var.assignments
  scope                = data.azurerm_subscription.current.id
  role_definition_name = each.value # expect: FB2104
  principal_id         = "00000000-0000-0000-0000-000000000001"
}
