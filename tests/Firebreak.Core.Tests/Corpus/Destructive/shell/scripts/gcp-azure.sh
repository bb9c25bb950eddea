#!/usr/bin/env bash
gcloud sql instances delete prod-postgres --quiet # expect: FB1001
gcloud sql instances describe prod-postgres
gcloud sql instances list
gcloud sql databases delete app --instance=prod-postgres -q # expect: FB1001
gcloud projects delete my-project-123 # expect: FB1001
gcloud projects describe my-project-123
gcloud compute instances delete web-1 --zone us-central1-a --quiet # expect: FB1001
gcloud compute instances list
gcloud compute disks delete data-disk --zone=us-central1-a # expect: FB1001
gcloud container clusters delete prod --region us-central1 --quiet # expect: FB1001
gcloud container clusters get-credentials prod --region us-central1
gcloud storage rm --recursive gs://my-backups # expect: FB1001
gcloud storage ls gs://my-backups
gsutil -m rm -r gs://my-backups # expect: FB1001
gsutil rb gs://old-bucket # expect: FB1001
gsutil ls -l gs://my-backups
gsutil cp dump.sql.gz gs://my-backups/
az group delete --name rg-prod --yes --no-wait # expect: FB1001
az group list -o table
az group show --name rg-prod
az sql db delete --name appdb --server sql-prod --resource-group rg-prod --yes # expect: FB1001
az sql server delete --name sql-prod --resource-group rg-prod --yes # expect: FB1001
az postgres flexible-server delete --name pg-prod --resource-group rg-prod --yes # expect: FB1001
az postgres flexible-server show --name pg-prod --resource-group rg-prod
az mysql flexible-server delete -g rg-prod -n mysql-prod --yes # expect: FB1001
az storage account delete --name stprodbackups --resource-group rg-prod --yes # expect: FB1001
az storage account list
az cosmosdb delete --name cosmos-prod --resource-group rg-prod --yes # expect: FB1001
az keyvault delete --name kv-prod # expect: FB1001
az keyvault secret list --vault-name kv-prod
az login --identity
