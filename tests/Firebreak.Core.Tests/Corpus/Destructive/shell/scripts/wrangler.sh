#!/usr/bin/env bash
npx wrangler d1 delete my-db -y # expect: FB1001
wrangler r2 bucket delete assets # expect: FB1001
wrangler kv namespace delete --namespace-id "$KV_ID" # expect: FB1001
wrangler d1 execute my-db --command "DROP TABLE users" --remote # expect: FB1001
wrangler d1 list
wrangler d1 execute my-db --command "SELECT * FROM users LIMIT 5" --remote
wrangler deploy
wrangler r2 bucket list
