#!/usr/bin/env bash
# Shows the staging deployments. Needs RAILWAY_TOKEN: a project token for the staging environment only.
set -euo pipefail

curl -sS https://backboard.railway.com/graphql/v2 \
  -H "Project-Access-Token: ${RAILWAY_TOKEN}" \
  -H "Content-Type: application/json" \
  --data '{"query":"query { projectToken { projectId environmentId } }"}'

railway status --environment staging
