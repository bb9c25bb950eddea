#!/usr/bin/env bash
# Wipes the staging database volume so the demo starts clean. Needs RAILWAY_API_TOKEN.
set -euo pipefail

VOLUME_ID="${1:?usage: reset-staging.sh <volume-id>}"

echo "Deleting volume ${VOLUME_ID} on staging"
curl -sS https://backboard.railway.com/graphql/v2 \
  -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" \
  -H "Content-Type: application/json" \
  --data "{\"query\":\"mutation { volumeDelete(volumeId: \\\"${VOLUME_ID}\\\") }\"}"

echo "Redeploying"
railway redeploy --service api --environment staging --yes
