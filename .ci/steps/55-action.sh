#!/usr/bin/env bash
# The GitHub Action's shell steps (action/*.sh, exactly as action.yml runs them) on a simulated runner: a workspace
# whose global.json and NuGet.config would break a build started there, the sample under a subfolder (path: app),
# a cold run (build) then a warm one (the tool folder kept, as the cache restores it). Asserts the outputs, the
# annotations, the job summary, repository-root paths in SARIF, and that a tool failure is not reported as findings.
set -euo pipefail
repo_root="$(pwd)"
sim="$(mktemp -d)"
trap 'rm -rf "$sim"' EXIT
export GITHUB_ACTION_PATH="$repo_root" GITHUB_WORKSPACE="$sim/workspace" RUNNER_TEMP="$sim/runner-temp"
export RUNNER_OS=Linux RUNNER_ARCH=X64 GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=acme/shop
export GITHUB_SHA=0123456789abcdef0123456789abcdef01234567 FIREBREAK_ACTION_REF=""
mkdir -p "$GITHUB_WORKSPACE/app" "$RUNNER_TEMP"
cp -r samples/incident/. "$GITHUB_WORKSPACE/app/"
# What broke the old Action: a workspace that pins another SDK and points NuGet at a feed that does not exist.
printf '{ "sdk": { "version": "6.0.100", "rollForward": "disable" } }\n' > "$GITHUB_WORKSPACE/global.json"
printf '<configuration><packageSources><clear /><add key="x" value="https://127.0.0.1:9/none" /></packageSources></configuration>\n' > "$GITHUB_WORKSPACE/NuGet.config"

step_env() { # the runner gives each step fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files
  export GITHUB_OUTPUT="$RUNNER_TEMP/output-$1" GITHUB_STEP_SUMMARY="$RUNNER_TEMP/summary-$1"
  : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
}
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }
fail() { echo "action: $*"; exit 1; }

run_action() { # $1: cold|warm
  local start=$SECONDS
  step_env "key-$1"
  (cd "$GITHUB_WORKSPACE" && bash "$GITHUB_ACTION_PATH/action/key.sh")
  export FIREBREAK_TOOL_DIR FIREBREAK_RID
  FIREBREAK_TOOL_DIR=$(output tool-dir); FIREBREAK_RID=$(output rid)
  case "$FIREBREAK_TOOL_DIR" in "$GITHUB_WORKSPACE"*) fail "tool folder inside the workspace" ;; esac
  if [ -d "$FIREBREAK_TOOL_DIR" ]; then echo "cache hit: $(output key)"; else
    echo "cache miss: $(output key)"
    step_env "build-$1"
    (cd "$GITHUB_WORKSPACE" && bash "$GITHUB_ACTION_PATH/action/build.sh")
  fi
  step_env "scan-$1"
  (cd "$GITHUB_WORKSPACE" && FIREBREAK_PATH=app FIREBREAK_FAIL_ON=error FIREBREAK_SUMMARY=true bash "$GITHUB_ACTION_PATH/action/scan.sh") > "$RUNNER_TEMP/log-$1"
  echo "$1 run: $((SECONDS - start)) s"
}

run_action cold
cold_key=$(sed -n 's/^key=//p' "$RUNNER_TEMP/output-key-cold")
run_action warm
[ "$(sed -n 's/^key=//p' "$RUNNER_TEMP/output-key-warm")" = "$cold_key" ] || fail "the cache key changed between two runs"

[ "$(output exit-code)" = 1 ] || fail "exit-code output: expected 1, got '$(output exit-code)'"
[ "$(output findings)" = 14 ] || fail "findings output: expected 14, got '$(output findings)'"
[ "$(output tool-failure)" = false ] || fail "tool-failure output should be false"
sarif=$(output sarif-file)
grep -q '"uri": "app/docker-compose.yml"' "$sarif" || fail "SARIF paths are not relative to the repository root"
grep -q '^::error file=app/.github/workflows/deploy.yml,line=34,col=38,endLine=34,endColumn=[0-9]*,title=FB9001 ' "$RUNNER_TEMP/log-warm" \
  || fail "no FB9001 annotation in the log"
grep -q '^### Paths to unrecoverable data loss' "$GITHUB_STEP_SUMMARY" || fail "summary lacks the FB9001 paths"
grep -q '| Unscoped credentials | 4 | 3 | 0 | 7 |' "$GITHUB_STEP_SUMMARY" || fail "summary lacks the counts by family"
grep -qF '(https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/app/docker-compose.yml#L13)' "$GITHUB_STEP_SUMMARY" \
  || fail "summary links are not repository-root blob links"

# A pull request: the workspace is a git repository whose last commit adds one destructive line; with the base commit
# as diff-base only what the change introduced is reported, and the summary says how many were left out.
git_sim=(git -C "$GITHUB_WORKSPACE" -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false)
"${git_sim[@]}" init -q && "${git_sim[@]}" add -A && "${git_sim[@]}" commit -qm base
base_sha=$("${git_sim[@]}" rev-parse HEAD)
printf 'dropdb production_db\n' >> "$GITHUB_WORKSPACE/app/scripts/reset-staging.sh"
"${git_sim[@]}" commit -qam "the pull request"
step_env pr
(cd "$GITHUB_WORKSPACE" && FIREBREAK_PATH=app FIREBREAK_DIFF_BASE=$base_sha bash "$GITHUB_ACTION_PATH/action/scan.sh") > "$RUNNER_TEMP/log-pr"
# The new line's FB1001, and the staging job's FB1010 whose related location (the script's commands) is that line.
[ "$(output findings)" = 2 ] || fail "diff-base: expected 2 findings, got '$(output findings)'"
grep -q '^::error file=app/scripts/reset-staging.sh,line=12,.*title=FB1001 ' "$RUNNER_TEMP/log-pr" || fail "diff-base: the new line's finding is not annotated"
grep -q '^::error file=app/.github/workflows/deploy.yml,line=17,.*title=FB1010 ' "$RUNNER_TEMP/log-pr" || fail "diff-base: the job that runs the changed script is not annotated"
grep -q '13 findings on lines not changed since' "$GITHUB_STEP_SUMMARY" || fail "diff-base: the summary does not say what was left out"
# A base the checkout does not have (and cannot fetch): a warning, and every finding rather than none.
step_env pr-missing-base
(cd "$GITHUB_WORKSPACE" && FIREBREAK_PATH=app FIREBREAK_DIFF_BASE=0000000000000000000000000000000000000001 bash "$GITHUB_ACTION_PATH/action/scan.sh") > "$RUNNER_TEMP/log-pr-missing" 2>&1
[ "$(output findings)" = 15 ] || fail "missing diff base: expected every finding (15), got '$(output findings)'"
grep -q '^::warning title=Firebreak::the diff base' "$RUNNER_TEMP/log-pr-missing" || fail "missing diff base: no warning"

# A tool failure (a config file that does not exist: exit 2) fails the step as such, never as findings.
step_env failure
set +e
(cd "$GITHUB_WORKSPACE" && FIREBREAK_PATH=app FIREBREAK_CONFIG=missing.yml bash "$GITHUB_ACTION_PATH/action/scan.sh") > "$RUNNER_TEMP/log-failure" 2>&1
code=$?
set -e
[ "$code" = 2 ] || fail "a configuration error should fail the scan step with exit 2, got $code"
grep -q '^::error title=Firebreak tool failure::firebreak exited 2' "$RUNNER_TEMP/log-failure" || fail "no tool-failure annotation"
[ "$(output tool-failure)" = true ] && [ -z "$(output exit-code)" ] && [ -z "$(output sarif-file)" ] || fail "a tool failure must set no exit-code or sarif-file"
echo "action: cold build and scan, warm scan from the kept tool folder, outputs, annotations, summary, diff-base on a pull request (and a missing base) and tool failure as expected"
