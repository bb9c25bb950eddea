variable "github_subjects" {
  type    = list(string)
  default = ["repo:*"]
}

data "aws_iam_policy_document" "assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = var.github_subjects # expect: FB2105
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "github-oidc"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
