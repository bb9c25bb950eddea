variable "rules" {
  type = list(any)
}

resource "aws_backup_plan" "this" {
  name = "plan"

  dynamic "rule" {
    for_each = var.rules
    content {
      rule_name         = rule.value.name
      target_vault_name = rule.value.vault
      schedule          = rule.value.schedule

      dynamic "copy_action" {
        for_each = rule.value.copy_actions
        content {
          destination_vault_arn = copy_action.value.destination_vault_arn
        }
      }
    }
  }
}
