#!/usr/bin/env bash
set -euo pipefail
QUERY="query { projectToken { projectId environmentId } }"
curl -fsS https://backboard.railway.com/graphql/v2 -H "Project-Access-Token: ${RAILWAY_TOKEN}" -H "Content-Type: application/json" -d "{\"query\":\"${QUERY}\"}"
railway volume list --environment staging
echo "to reset: railway volume delete --volume pgdata (ask in #infra)"
