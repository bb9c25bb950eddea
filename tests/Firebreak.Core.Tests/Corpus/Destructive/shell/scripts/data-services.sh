#!/bin/bash
# Stores, streams and secrets the command catalogue knows (issue 14): each destructive form, then its safe twin.
set -euo pipefail

kubectl delete statefulsets,persistentvolumeclaims -l app=postgres -n db # expect: FB1001
kubectl get statefulsets,persistentvolumeclaims -l app=postgres -n db
kubectl delete deployments,services -l app=web -n staging

gcloud storage rsync --recursive ./dist gs://acme-backups --delete-unmatched-destination-objects # expect: FB1001
gcloud storage rsync --recursive ./dist gs://acme-site

kafka-topics.sh --bootstrap-server kafka:9092 --delete --topic orders # expect: FB1001
kafka-topics.sh --bootstrap-server kafka:9092 --describe --topic orders
rpk topic delete payments # expect: FB1001
rpk topic describe payments

nats stream rm ORDERS -f # expect: FB1001
nats stream info ORDERS

rabbitmqctl purge_queue invoices # expect: FB1001
rabbitmqctl list_queues name messages
rabbitmqadmin delete queue name=invoices # expect: FB1001
rabbitmqadmin list queues

vault delete secret/prod/database # expect: FB1001
vault kv destroy -versions=3 secret/prod/database # expect: FB1001
vault kv get secret/prod/database

aws ssm delete-parameters --names /prod/db/password /prod/db/user # expect: FB1001
aws ssm get-parameters --names /prod/db/password

azcopy sync ./empty "https://acme.blob.core.windows.net/backups" --delete-destination=true # expect: FB1001
azcopy sync ./site "https://acme.blob.core.windows.net/web" --delete-destination=false

mc mirror --remove ./export minio/backups # expect: FB1001
mc mirror ./export minio/backups

ssh -i ~/.ssh/deploy -o StrictHostKeyChecking=no deploy@db1 'sudo rm -rf /var/lib/postgresql/16/main' # expect: FB1001
ssh deploy@db1 'sudo du -sh /var/lib/postgresql/16/main'
echo "ssh db1 'rm -rf /var/lib/mysql'"

curl -X DELETE "http://search.internal:9200/orders-2024.*" # expect: FB1002
curl -X POST "http://search.internal:9200/orders/_delete_by_query" -H 'Content-Type: application/json' -d '{"query":{"match_all":{}}}' # expect: FB1002
curl -X POST "http://search.internal:9200/orders/_search" -H 'Content-Type: application/json' -d '{"query":{"match_all":{}}}'
