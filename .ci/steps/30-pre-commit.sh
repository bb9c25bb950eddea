#!/usr/bin/env bash
# The pre-commit hook, run by the real pre-commit (try-repo on a throwaway repository).
set -euo pipefail
tools="${CI_TOOLS:?}"
if ! command -v pre-commit >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
repo_root="$(pwd)"
hook_repo="$(mktemp -d)"
mkdir -p "$hook_repo/.github/workflows"
cp samples/incident/.github/workflows/deploy.yml "$hook_repo/.github/workflows/"
printf 'on: push\npermissions: {}\njobs:\n  ok:\n    permissions: {}\n    runs-on: ubuntu-latest\n    steps: []\n' > "$hook_repo/.github/workflows/ok.yml"
(cd "$hook_repo" && git init -q && git add -A)
set +e
hook_output=$(cd "$hook_repo" && PRE_COMMIT_HOME="$tools/pre-commit-home" pre-commit try-repo "$repo_root" firebreak --all-files 2>&1)
hook_code=$?
set -e
echo "$hook_output" | tail -6
if [ "$hook_code" -ne 1 ] || ! grep -q "deploy.yml:12:3: warning FB2001" <<<"$hook_output"; then
  echo "pre-commit hook: expected exit 1 with FB2001 on deploy.yml, got exit $hook_code"; exit 1
fi
echo "pre-commit hook: blocks the commit with FB2001 at deploy.yml:12:3"
