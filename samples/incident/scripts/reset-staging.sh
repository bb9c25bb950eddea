#!/usr/bin/env bash
# Resets "staging" by deleting its volume. The token it uses is account-wide, so the same call deletes production's.
set -euo pipefail

VOLUME_ID="${1:-vol_0000}"

echo "deleting volume $VOLUME_ID"
curl -sS https://backboard.railway.app/graphql/v2 \
  -H "Authorization: Bearer ${RAILWAY_API_TOKEN}" \
  -H "Content-Type: application/json" \
  -d "{\"query\":\"mutation { volumeDelete(volumeId: \\\"${VOLUME_ID}\\\") }\"}"
