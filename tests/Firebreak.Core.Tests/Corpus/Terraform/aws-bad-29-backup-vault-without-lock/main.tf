resource "aws_backup_vault" "primary" { # expect: FB3003
  name = "primary"
}

resource "aws_backup_plan" "primary" {
  name = "primary"
  rule {
    rule_name         = "nightly"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 3 * * ? *)"
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:999999999999:backup-vault:dr"
    }
  }
}
