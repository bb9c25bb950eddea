#!/usr/bin/env bash
# Runs the built tool on the workspace: SARIF for code scanning, annotations in the log, a Markdown job summary, all
# from one scan, with paths relative to the repository root whatever `path:` is. Exit codes 0 and 1 are results
# (the job fails later, after the SARIF upload); anything else, or no report, is a failure of the tool.
set -uo pipefail
tool_dir="${FIREBREAK_TOOL_DIR:?}"
workspace="${GITHUB_WORKSPACE:?}"
out="${RUNNER_TEMP:?}/firebreak-report"
rm -rf "$out" && mkdir -p "$out"
sarif="$out/firebreak.sarif"
annotations="$out/annotations.txt"
summary="$out/summary.md"
tool="$tool_dir/firebreak"
[ -x "$tool" ] || tool="$tool_dir/firebreak.exe"

tool_failure() {
  echo "::error title=Firebreak tool failure::$1 This is a failure of Firebreak or of its inputs, not a finding."
  echo "tool-failure=true" >> "$GITHUB_OUTPUT"
  exit "${2:-2}"
}
[ -x "$tool" ] || tool_failure "the Firebreak tool is missing from $tool_dir." 3

cd "$workspace"
args=(scan "${FIREBREAK_PATH:-.}" --source-root . --format sarif --output "$sarif"
  --report "github=$annotations" --report "markdown=$summary" --fail-on "${FIREBREAK_FAIL_ON:-error}")
if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_SHA:-}" ]; then
  args+=(--link-base "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/")
fi
[ -n "${FIREBREAK_CONFIG:-}" ] && args+=(--config "$FIREBREAK_CONFIG")
[ -n "${FIREBREAK_BASELINE:-}" ] && args+=(--baseline "$FIREBREAK_BASELINE")
# "none" turns the pull request default off (an org-wide scan called from a pull request scans other repositories).
if [ -n "${FIREBREAK_DIFF_BASE:-}" ] && [ "$FIREBREAK_DIFF_BASE" != none ]; then
  [[ "$FIREBREAK_DIFF_BASE" =~ ^[A-Za-z0-9][A-Za-z0-9._/^~@{}-]*$ ]] || tool_failure "diff-base is not a git revision." 2
  # A shallow checkout lacks the base commit: fetch that one commit (a SHA only, never an option or a refspec).
  safe_git=(git -c core.fsmonitor=false -c core.hooksPath=/dev/null -c diff.external= --no-pager)
  if ! "${safe_git[@]}" cat-file -e "${FIREBREAK_DIFF_BASE}^{commit}" 2>/dev/null && [[ "$FIREBREAK_DIFF_BASE" =~ ^[0-9a-f]{40}$ ]]; then
    GIT_TERMINAL_PROMPT=0 "${safe_git[@]}" fetch --no-tags --quiet --depth=1 origin "$FIREBREAK_DIFF_BASE" 2>/dev/null || true
  fi
  if "${safe_git[@]}" cat-file -e "${FIREBREAK_DIFF_BASE}^{commit}" 2>/dev/null; then
    args+=(--diff-base "$FIREBREAK_DIFF_BASE")
  else
    # Without the base every finding is reported: more than the change added, never less.
    echo "::warning title=Firebreak::the diff base $FIREBREAK_DIFF_BASE is not in the checkout and could not be fetched; reporting every finding (use actions/checkout with fetch-depth: 0)"
  fi
fi

start=$SECONDS
"$tool" "${args[@]}"
code=$?
echo "Firebreak scanned in $((SECONDS - start)) s (exit $code)"
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then tool_failure "firebreak exited $code (2: usage or configuration error, 3: internal error)." "$code"; fi
[ -s "$sarif" ] || tool_failure "firebreak exited $code but wrote no SARIF report." 3

# The findings as annotations on the run and the pull request (they are workflow commands, escaped by the tool).
cat "$annotations"
findings=$(grep -c '^::' "$annotations" || true)
{
  echo "sarif-file=$sarif"
  echo "exit-code=$code"
  echo "findings=$findings"
  echo "tool-failure=false"
} >> "$GITHUB_OUTPUT"
if [ "${FIREBREAK_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
exit 0
