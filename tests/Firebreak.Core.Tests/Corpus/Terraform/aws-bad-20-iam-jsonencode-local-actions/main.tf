locals {
  s3_write_actions = ["s3:PutObject", "s3:DeleteObject", "s3:DeleteBucket"]
  statements = [
    {
      Sid      = "S3Write"
      Effect   = "Allow"
      Action   = local.s3_write_actions
      Resource = "*"
    }
  ]
}

resource "aws_iam_policy" "etl" {
  name = "etl"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })
}
