resource "aws_iam_role_policy" "app" {
  name = "app-s3"
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadConfig"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["arn:aws:s3:::acme-config/*"]
      },
      {
        Sid      = "Data"
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = ["*"] # expect: FB2101
      },
    ]
  })
}
