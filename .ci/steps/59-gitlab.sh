#!/usr/bin/env bash
# The GitLab CI/CD templates (templates/firebreak.yml, templates/firebreak-org.yml) run by gitlab-ci-local, which reads
# them as GitLab does (includes with inputs, GitLab's JSON schema, extends, parallel matrix, needs, artifacts) and runs
# the jobs with its shell executor. Firebreak's source is this checkout (the templates' `source:` input), so the cold
# run builds it exactly as a runner would. Checked:
#  - a project whose sample sits under app/: a cold run builds the tool, fails the job on errors, and leaves a Code
#    Quality report, SARIF and a summary with paths from the project root; a warm run does not build again;
#  - a merge request pipeline (CI_MERGE_REQUEST_DIFF_BASE_SHA) reports only the finding its change adds;
#  - a configuration that cannot be read is reported as a tool failure, not as findings;
#  - the org-wide child pipeline, triggered by its parent: two projects cloned from a local "server" with a token
#    that never reaches the log, scanned in a parallel matrix, merged into one JSON and one SARIF report.
set -euo pipefail
repo_root="$(pwd)"
tools="${CI_TOOLS:?}"
sim="$(mktemp -d)"
trap 'rm -rf "$sim"' EXIT
fail() { echo "gitlab: $*"; exit 1; }

command -v rsync > /dev/null || (apt-get install -y -qq rsync > /dev/null 2>&1 || (apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq rsync > /dev/null 2>&1))
# 4.70.0: the last release that runs on Node 20 (later ones use Node 22's Set methods).
if [ ! -x "$tools/gcl/node_modules/.bin/gitlab-ci-local" ]; then
  npm install --prefix "$tools/gcl" --no-audit --no-fund --silent gitlab-ci-local@4.70.0 > /dev/null
fi
gcl=("$tools/gcl/node_modules/.bin/gitlab-ci-local" --force-shell-executor --json-schema-validation)
ref="$(git rev-parse HEAD)"
git_commit() { git -c user.email=ci@example.com -c user.name=ci -c commit.gpgsign=false commit -qm "$1"; }

# --- one project ---------------------------------------------------------------------------------------------------
project="$sim/project"
mkdir -p "$project/app" "$project/templates"
cp -r samples/incident/. "$project/app/"
cp templates/firebreak.yml "$project/templates/"
cat > "$project/.gitlab-ci.yml" <<EOF
include:
  - local: templates/firebreak.yml
    inputs:
      ref: "$ref"
      source: "file://$repo_root"
      path: app
EOF
cd "$project"
git init -q -b main
git remote add origin https://gitlab.example.com/acme/shop.git
git add -A && git_commit base
base="$(git rev-parse HEAD)"
printf '#!/bin/sh\nterraform destroy -auto-approve\n' > app/scripts/teardown.sh
git add -A && git_commit "add teardown"

run_job() { # $1: log name; the rest: more gitlab-ci-local arguments. Prints the exit code.
  local name="$1"; shift
  set +e
  "${gcl[@]}" "$@" firebreak > "$sim/$name.log" 2>&1
  local code=$?
  set -e
  echo "$code"
}
issues() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" gl-code-quality.json; }

[ "$(run_job cold)" != 0 ] || { tail -20 "$sim/cold.log"; fail "the cold run passed, but the sample has errors"; }
grep -q "Firebreak built in" "$sim/cold.log" || { tail -30 "$sim/cold.log"; fail "the cold run did not build the tool"; }
grep -q "findings at 'error' or above" "$sim/cold.log" || { tail -20 "$sim/cold.log"; fail "the cold run did not fail on findings"; }
all=$(issues)
[ "$all" -ge 15 ] || fail "Code Quality report: expected the sample's 14 findings and the new one, got $all"
python3 - gl-code-quality.json firebreak.sarif <<'PY' || fail "reports are not what GitLab and code scanning expect"
import json, sys
issues = json.load(open(sys.argv[1]))
for i in issues:
    assert i["type"] == "issue" and i["check_name"].startswith("FB"), i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker"), i["severity"]
    assert len(i["fingerprint"]) >= 32 and i["location"]["positions"]["begin"]["line"] >= 1, i
    assert i["location"]["path"].startswith("app/"), i["location"]["path"]
assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints repeat"
sarif = json.load(open(sys.argv[2]))
uris = [l["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"] for l in r["locations"]]
assert uris and all(u.startswith("app/") for u in uris), uris[:3]
PY
grep -q "^| error | \[FB" firebreak.md || fail "no summary table"

[ "$(run_job warm --variable CI_MERGE_REQUEST_DIFF_BASE_SHA="$base")" != 0 ] || fail "the merge request's new error did not fail the job"
grep -q "Firebreak built in" "$sim/warm.log" && fail "the warm run built the tool again"
[ "$(issues)" = 1 ] || { tail -20 "$sim/warm.log"; fail "merge request: expected only the finding it adds, got $(issues)"; }
python3 -c "import json; i=json.load(open('gl-code-quality.json'))[0]; assert i['location']['path']=='app/scripts/teardown.sh', i" \
  || fail "merge request: the finding is not at the changed line"
echo "gitlab: project scanned ($all findings), merge request limited to its change (1)"

code=$(run_job broken --variable FIREBREAK_CONFIG=missing.yml)
[ "$code" != 0 ] || fail "a missing configuration passed"
grep -q "tool failure (exit 2)" "$sim/broken.log" || { tail -10 "$sim/broken.log"; fail "a missing configuration was not a tool failure"; }
tool_dir="$project/.firebreak-tool"

# --- the organisation --------------------------------------------------------------------------------------------
server="$sim/server"
for repository in acme/shop acme/quiet; do
  work="$sim/work-${repository#*/}"
  mkdir -p "$work"
  [ "$repository" = acme/shop ] && cp -r "$repo_root/samples/incident/." "$work/"
  [ "$repository" = acme/quiet ] && printf '#!/bin/sh\nls -la\n' > "$work/build.sh"
  (cd "$work" && git init -q -b main && git add -A && git_commit init)
  git clone -q --bare "$work" "$server/$repository.git"
done
org="$sim/org"
mkdir -p "$org/templates" "$org/.gitlab"
cp "$repo_root/templates/firebreak-org.yml" "$org/templates/"
# As the template's header says: a parent pipeline triggers the child pipeline that includes the template.
cat > "$org/.gitlab-ci.yml" <<EOF
firebreak-org:
  trigger:
    include: .gitlab/firebreak-org.yml
    strategy: depend
EOF
cat > "$org/.gitlab/firebreak-org.yml" <<EOF
include:
  - local: templates/firebreak-org.yml
    inputs:
      ref: "$ref"
      source: "file://$repo_root"
      repositories: [acme/shop, acme/quiet]
      clone-base: "file://$server"
EOF
cd "$org"
git init -q -b main
git remote add origin https://gitlab.example.com/acme/firebreak-org.git
git add -A && git_commit org
# The job cache, restored: the same key (the Firebreak SHA) as the project's job.
cp -r "$tool_dir" "$org/.firebreak-tool"
set +e
"${gcl[@]}" --variable FIREBREAK_ORG_TOKEN=glpat-not-a-real-token > "$sim/org.log" 2>&1
code=$?
set -e
[ "$code" = 0 ] || { tail -30 "$sim/org.log"; fail "the org pipeline failed"; }
grep -q "glpat-not-a-real-token" "$sim/org.log" && fail "the token was printed"
grep -q "PASS .*\[firebreak-org\] -> firebreak-org-merge" "$sim/org.log" || { tail -20 "$sim/org.log"; fail "the child pipeline's merge job did not run"; }
python3 - firebreak-org.json firebreak-org.sarif <<'PY' || fail "the merged reports are wrong"
import json, sys
merged = json.load(open(sys.argv[1]))
text = json.dumps(merged)
assert "acme/shop" in text and "acme/quiet" in text, "a repository is missing"
findings = merged["findings"] if isinstance(merged, dict) else merged
shop = [f for f in findings if f.get("repository") == "acme/shop"]
assert len(shop) >= 14, len(shop)
assert not [f for f in findings if f.get("repository") == "acme/quiet"], "the quiet repository has findings"
sarif = json.load(open(sys.argv[2]))
ids = sorted(r["automationDetails"]["id"] for r in sarif["runs"])
assert ids == ["firebreak/acme/quiet/", "firebreak/acme/shop/"], ids
PY
echo "gitlab: org child pipeline scanned 2 projects in a matrix and merged them"
