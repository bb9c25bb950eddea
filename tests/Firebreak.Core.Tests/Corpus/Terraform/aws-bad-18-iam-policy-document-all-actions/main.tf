data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Everything"
    effect    = "Allow"
    actions   = ["*"] # expect: FB2101
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "break-glass"
  policy = data.aws_iam_policy_document.admin.json
}
