resource "aws_iam_policy" "deployer" {
  name        = "deployer"
  description = "Used by the deploy pipeline"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*" # expect: FB2101
        Resource = "*"
      },
    ]
  })
}
