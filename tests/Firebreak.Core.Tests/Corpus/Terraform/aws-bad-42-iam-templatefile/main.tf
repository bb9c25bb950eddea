resource "aws_iam_role_policy" "backup_admin" {
  name = "backup-admin"
  role = "backup"
  policy = templatefile("${path.module}/policy.json.tftpl", { # expect: FB2101
    vault_arn = aws_backup_vault.this.arn
  })
}

resource "aws_backup_vault" "this" { # expect: FB3003
  name = "main"
}
