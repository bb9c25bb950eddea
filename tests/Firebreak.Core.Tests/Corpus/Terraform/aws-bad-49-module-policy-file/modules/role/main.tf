variable "name" {
  type = string
}

resource "aws_iam_policy" "this" {
  name   = var.name
  policy = file("${path.module}/policy.json") # expect: FB2101
}
