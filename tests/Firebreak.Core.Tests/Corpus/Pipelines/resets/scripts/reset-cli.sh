#!/usr/bin/env bash
set -euo pipefail
railway link --project "$PROJECT_ID" --environment staging
railway volume delete --volume pgdata --yes # expect: FB1001, FB9001
railway environment delete staging --yes || true # expect: FB1001
