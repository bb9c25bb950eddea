provider "aws" {
  region = "eu-west-1"
}

resource "aws_backup_vault" "primary" {
  name = "primary"
}

resource "aws_backup_vault" "secondary" {
  name = "secondary"
}

resource "aws_backup_vault_lock_configuration" "primary" {
  backup_vault_name  = aws_backup_vault.primary.name
  min_retention_days = 7
}

resource "aws_backup_vault_lock_configuration" "secondary" {
  backup_vault_name  = aws_backup_vault.secondary.name
  min_retention_days = 7
}

resource "aws_backup_plan" "this" {
  name = "nightly"
  rule {
    rule_name         = "nightly"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 3 * * ? *)"
    copy_action {
      destination_vault_arn = aws_backup_vault.secondary.arn # expect: FB3002
    }
  }
}
