#!/usr/bin/env bash
set -euo pipefail
API="https://backboard.railway.com/graphql/v2"

gql() {
  curl -fsS "$API" -H "Project-Access-Token: $RAILWAY_TOKEN" -H 'Content-Type: application/json' -d "$1"
}

gql '{"query":"query { projectToken { projectId environmentId } }"}' | jq .
