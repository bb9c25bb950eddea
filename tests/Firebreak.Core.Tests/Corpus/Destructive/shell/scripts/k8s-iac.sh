#!/bin/sh
kubectl delete namespace production # expect: FB1001
kubectl delete ns "$NAMESPACE" # expect: FB1001
kubectl delete pvc data-postgres-0 -n db # expect: FB1001
kubectl delete pv pvc-3f1c2b7a # expect: FB1001
kubectl delete pods --all -n staging # expect: FB1001
kubectl delete pod web-7c9d8 -n staging
kubectl get namespaces
kubectl describe pvc data-postgres-0 -n db
kubectl delete namespace production --dry-run=client -o yaml # note: FB1001
kubectl apply -f k8s/
kubectl logs deploy/api -n production
helm uninstall postgres -n db # expect: FB1001
helm list -A
helm upgrade --install api ./chart -n production
helm uninstall postgres -n db --dry-run # note: FB1001
terraform destroy -auto-approve # expect: FB1001
terraform apply -destroy -auto-approve # expect: FB1001
terraform state rm aws_db_instance.main # expect: FB1001
terraform plan -destroy -out=destroy.tfplan
terraform plan
terraform state list
terraform init -backend-config=prod.hcl
tofu destroy -auto-approve # expect: FB1001
pulumi destroy --yes --stack prod # expect: FB1001
pulumi stack rm prod --yes # expect: FB1001
pulumi preview --stack prod
pulumi stack ls
cdk destroy --force MyStack # expect: FB1001
npx cdk destroy --all --force # expect: FB1001
cdk diff MyStack
cdk synth
terraform -chdir=infra/prod destroy -auto-approve # expect: FB1001
terraform destroy --help
