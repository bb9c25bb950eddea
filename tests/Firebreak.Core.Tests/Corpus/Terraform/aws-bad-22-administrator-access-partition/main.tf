data "aws_partition" "current" {}

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy_attachment" "ops" {
  user       = aws_iam_user.ops.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess" # expect: FB2102
}
