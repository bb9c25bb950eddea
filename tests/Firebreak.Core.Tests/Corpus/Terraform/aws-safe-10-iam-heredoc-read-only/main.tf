resource "aws_iam_role_policy" "read" {
  name = "read"
  role = "reader"

  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ec2:Describe*", "rds:Describe*", "s3:Get*", "s3:List*"],
          "Resource": "*"
        },
        {
          "Effect": "Deny",
          "Action": "*",
          "Resource": "*",
          "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } }
        }
      ]
    }
  EOT
}
