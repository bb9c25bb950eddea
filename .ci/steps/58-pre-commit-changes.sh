#!/usr/bin/env bash
# The firebreak-changes hook, run by the real pre-commit: a repository with an old destructive script already
# committed and a commit that stages one new destructive line; only the new line blocks the commit.
set -euo pipefail
tools="${CI_TOOLS:?}"
if ! command -v pre-commit >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
repo_root="$(pwd)"
hook_repo="$(mktemp -d)"
trap 'rm -rf "$hook_repo"' EXIT
git_h=(git -C "$hook_repo" -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false)
mkdir -p "$hook_repo/scripts"
printf 'dropdb production_a\ndropdb production_b\ndropdb production_c\n' > "$hook_repo/scripts/old.sh"
"${git_h[@]}" init -q && "${git_h[@]}" add -A && "${git_h[@]}" commit -qm "old findings"
printf 'terraform destroy -auto-approve\n' >> "$hook_repo/scripts/old.sh"
printf 'echo unrelated\n' > "$hook_repo/notes.sh"
"${git_h[@]}" add -A
set +e
output=$(cd "$hook_repo" && PRE_COMMIT_HOME="$tools/pre-commit-home" pre-commit try-repo "$repo_root" firebreak-changes 2>&1)
code=$?
set -e
echo "$output" | tail -4
[ "$code" -eq 1 ] || { echo "firebreak-changes: expected exit 1, got $code"; exit 1; }
grep -q "scripts/old.sh:4:11: error FB1001" <<<"$output" || { echo "firebreak-changes: the staged line's finding is missing"; exit 1; }
if grep -q "scripts/old.sh:[123]:" <<<"$output"; then echo "firebreak-changes: an old line was reported"; exit 1; fi
grep -q "3 findings on lines not changed since HEAD left out" <<<"$output" || { echo "firebreak-changes: no count of what was left out"; exit 1; }
echo "firebreak-changes: blocks the commit on its one new finding, 3 old ones left out"
