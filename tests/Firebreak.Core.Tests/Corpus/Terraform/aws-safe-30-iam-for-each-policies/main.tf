locals {
  managed = {
    ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    cw  = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
  }
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each   = local.managed
  role       = "node"
  policy_arn = each.value
}
