#!/usr/bin/env bash
# Lets an agent fix the failing build overnight.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
env CI=1 claude -p "fix the failing tests and push" --dangerously-skip-permissions # expect: FB2005
nohup codex exec --dangerously-bypass-approvals-and-sandbox "update dependencies" > codex.log 2>&1 & # expect: FB2005
