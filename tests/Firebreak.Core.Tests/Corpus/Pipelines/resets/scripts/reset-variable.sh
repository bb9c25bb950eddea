#!/usr/bin/env bash
set -euo pipefail
QUERY="mutation { volumeDelete(volumeId: \\\"${VOLUME_ID}\\\") }" # expect: FB1002
curl -fsS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" -H "Content-Type: application/json" -d "{\"query\":\"${QUERY}\"}" # expect: FB2003
