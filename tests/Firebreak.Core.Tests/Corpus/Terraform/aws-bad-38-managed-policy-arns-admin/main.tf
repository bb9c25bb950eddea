locals {
  admin_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role" "break_glass" {
  name                = "break-glass"
  managed_policy_arns = concat(local.admin_policies, var.extra_policy_arns) # expect: FB2102
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
    }]
  })
}

variable "extra_policy_arns" {
  type    = list(string)
  default = []
}
