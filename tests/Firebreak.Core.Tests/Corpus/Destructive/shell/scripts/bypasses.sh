#!/usr/bin/env bash
FORCE=1 terraform destroy -auto-approve # expect: FB1001
sudo -E bash -c "rm -rf /var/lib/postgresql" # expect: FB1001
sudo -u postgres dropdb app_production # expect: FB1001
env -i PATH=/usr/bin terraform destroy -auto-approve # expect: FB1001
nohup terraform destroy -auto-approve > destroy.log 2>&1 & # expect: FB1001
timeout 600 terraform destroy -auto-approve # expect: FB1001
nice -n 10 rm -rf /srv/data # expect: FB1001
echo prod-db | xargs -I{} aws rds delete-db-instance --db-instance-identifier {} --skip-final-snapshot # expect: FB1001
kubectl get ns -o name | grep preview- | xargs kubectl delete # expect: FB1001
result=$(heroku apps:destroy --app legacy --confirm legacy) # expect: FB1001
echo "done: `dropdb legacy_db`" # expect: FB1001
bash -c 'psql "$DATABASE_URL" -c "DROP TABLE users;"' # expect: FB1003
sh -c "sh -c 'redis-cli FLUSHALL'" # expect: FB1001
eval "terraform destroy -auto-approve" # expect: FB1001
ssh deploy@db1 'sudo -u postgres dropdb app_production' # expect: FB1001
docker exec -it postgres dropdb -U postgres app # expect: FB1001
kubectl exec -n db postgres-0 -- psql -U postgres -c 'DROP DATABASE app;' # expect: FB1003
find /var/backups -name '*.dump' -delete # expect: FB1001
find ./build -name '*.o' -delete
aws rds delete-db-instance \
  --db-instance-identifier legacy \
  --skip-final-snapshot
if ! terraform destroy -auto-approve; then echo failed; fi # expect: FB1001
terraform destroy -auto-approve || true # expect: FB1001
time pulumi destroy --yes # expect: FB1001
exec railway down -y # expect: FB1001
builtin command rm -rf /mnt/data # expect: FB1001
echo "rm -rf / would be bad"
echo 'terraform destroy -auto-approve'
printf '%s\n' "kubectl delete namespace production"
: "aws s3 rb s3://bucket --force"
# terraform destroy -auto-approve
grep -q 'terraform destroy' Makefile
alias nuke='echo disabled'
