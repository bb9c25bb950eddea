resource "aws_backup_plan" "this" {
  name = "tiered"

  rule {
    rule_name         = "daily"
    target_vault_name = "primary"
    schedule          = "cron(0 5 * * ? *)"
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr"
    }
  }

  rule { # expect: FB3002
    rule_name         = "hourly"
    target_vault_name = "primary"
    schedule          = "cron(0 * * * ? *)"
  }
}
