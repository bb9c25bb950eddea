resource "azurerm_resource_group" "team" {
  for_each = toset(["payments", "search"])
  name     = "rg-${each.key}"
  location = "westeurope"
}

resource "azurerm_role_assignment" "team_owner" {
  for_each             = azurerm_resource_group.team
  scope                = each.value.id
  role_definition_name = "Owner"
  principal_id         = "00000000-0000-0000-0000-000000000009"
}
