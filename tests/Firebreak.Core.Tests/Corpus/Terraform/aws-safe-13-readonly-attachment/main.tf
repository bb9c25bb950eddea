data "aws_partition" "current" {}

resource "aws_iam_role_policy_attachment" "ro" {
  role       = "auditor"
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy_attachment" "custom" {
  role       = "auditor"
  policy_arn = var.policy_arn
}

variable "policy_arn" {
  type = string
}
