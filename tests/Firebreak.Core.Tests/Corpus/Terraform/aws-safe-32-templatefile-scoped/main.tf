resource "aws_iam_role_policy" "backup" {
  name = "backup"
  role = "backup"
  policy = templatefile("${path.module}/templates/policy.json.tftpl", {
    vault_arn = var.vault_arn
    actions   = jsonencode(["backup:StartBackupJob", "backup:DeleteRecoveryPoint"])
  })
}

resource "aws_iam_policy" "missing" {
  name   = "missing"
  policy = file("${path.module}/not-in-the-scan.json")
}

variable "vault_arn" {
  type = string
}
