data "aws_iam_policy_document" "migrations" {
  statement {
    sid = "ReadTables"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:ListTables",
    ]
    resources = ["*"]
  }

  statement {
    sid = "ManageTables"
    actions = [
      "dynamodb:CreateTable",
      "dynamodb:DeleteTable",
      "dynamodb:UpdateTable",
    ]
    resources = var.table_arns # expect: FB2101
  }
}

variable "table_arns" {
  type    = list(string)
  default = ["*"]
}
