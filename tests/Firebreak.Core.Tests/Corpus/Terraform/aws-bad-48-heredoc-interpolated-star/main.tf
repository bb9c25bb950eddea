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
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "${aws_s3_bucket.data.arn}/*"
    },
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "${aws_s3_bucket.data.arn}"
    }
  ]
}
EOF_POLICY
}
