#!/bin/bash
set -e
REGION=us-east-1

aws rds delete-db-instance --db-instance-identifier prod-db --skip-final-snapshot # expect: FB1001
aws rds delete-db-instance \
  --db-instance-identifier staging-db \
  --skip-final-snapshot \
  --delete-automated-backups
aws rds delete-db-cluster --db-cluster-identifier aurora-prod --skip-final-snapshot # expect: FB1001
aws rds delete-db-snapshot --db-snapshot-identifier nightly-2024-01-01 # expect: FB1001
aws rds describe-db-instances --db-instance-identifier prod-db
aws rds create-db-snapshot --db-instance-identifier prod-db --db-snapshot-identifier pre-migration
aws s3 rb s3://my-company-backups --force # expect: FB1001
aws s3 rm s3://my-company-backups --recursive # expect: FB1001
aws s3 rm s3://my-bucket/tmp/upload.zip
aws s3 ls s3://my-company-backups
aws s3 sync ./dist s3://my-site --delete --dryrun # note: FB1001
aws s3 cp backup.tar.gz s3://my-company-backups/
aws s3api delete-bucket --bucket my-company-backups --region "$REGION" # expect: FB1001
aws dynamodb delete-table --table-name Orders # expect: FB1001
aws dynamodb describe-table --table-name Orders
aws dynamodb scan --table-name Orders --max-items 10
aws ec2 terminate-instances --instance-ids i-0abcd1234ef567890 # expect: FB1001
aws ec2 describe-instances --filters Name=tag:env,Values=prod
aws ec2 delete-volume --volume-id vol-049df61146c4d7901 # expect: FB1001
aws ec2 delete-snapshot --snapshot-id snap-1234567890abcdef0 # expect: FB1001
aws ec2 describe-snapshots --owner-ids self
aws cloudformation delete-stack --stack-name prod-network # expect: FB1001
aws cloudformation describe-stacks --stack-name prod-network
aws eks delete-cluster --name prod-cluster # expect: FB1001
aws eks describe-cluster --name prod-cluster
aws efs delete-file-system --file-system-id fs-0123456789abcdef0 # expect: FB1001
aws backup delete-recovery-point --backup-vault-name Default --recovery-point-arn "$ARN" # expect: FB1001
aws backup list-recovery-points-by-backup-vault --backup-vault-name Default
aws backup delete-backup-vault --backup-vault-name old-vault # expect: FB1001
aws sts get-caller-identity
aws rds delete-db-instance help
