resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = file("${path.module}/policies/ops.json") # expect: FB2101
}
