resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "deployer" {
  for_each = {
    logs  = "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess"
    admin = "arn:aws:iam::aws:policy/AdministratorAccess"
  }
  role       = aws_iam_role.deployer.name
  policy_arn = each.value # expect: FB2102
}
