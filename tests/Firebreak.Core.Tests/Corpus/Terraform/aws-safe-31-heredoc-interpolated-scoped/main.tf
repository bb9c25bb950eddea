resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_iam_user_policy" "etl" {
  name = "etl"
  user = "etl"

  policy = <<EOF_POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      "Resource": "${aws_s3_bucket.data.arn}/*"
    },
    {
      "Effect": "Allow",
      "Action": ["s3:ListBucket"],
      "Resource": "${aws_s3_bucket.data.arn}"
    }
  ]
}
EOF_POLICY
}
