#!/usr/bin/env bash
set -euo pipefail
curl -fsS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" -H "Content-Type: application/json" --data @- <<JSON # expect: FB2003
{"query": "mutation { environmentDelete(id: \"${ENVIRONMENT_ID}\") }"}
JSON
