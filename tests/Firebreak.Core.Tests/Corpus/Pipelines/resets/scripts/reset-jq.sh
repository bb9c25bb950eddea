#!/usr/bin/env bash
set -euo pipefail
jq -n --arg id "$VOLUME_ID" '{query: "mutation($id: String!) { volumeDelete(volumeId: $id) }", variables: {id: $id}}' \
  | curl -fsS https://backboard.railway.com/graphql/v2 -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" -H "Content-Type: application/json" --data @-
