data "aws_caller_identity" "current" {}

resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["arn:aws:s3:::acme-uploads/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
        Resource = "arn:aws:dynamodb:us-east-1:${data.aws_caller_identity.current.account_id}:table/sessions"
      },
      {
        Effect   = "Allow"
        Action   = ["ec2:DescribeInstances", "s3:ListAllMyBuckets", "cloudwatch:PutMetricData"]
        Resource = "*"
      },
    ]
  })
}
