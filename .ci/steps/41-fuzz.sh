#!/usr/bin/env bash
# Seeded mutation fuzzing of every parser and model through the CLI (tools/hostile/fuzz.py): the repository's samples
# and test data mutated (flips, deletions, syntax characters, splices, deep nesting, NUL, invalid UTF-8), scanned in
# batches; any exit other than 0/1 or an "internal error" note fails the step and keeps the mutant in
# tools/hostile/crashers/ (scanned first on every run after). Fixed seed: the same mutants in the same order every run.
set -euo pipefail
# The build's output is kept and shown if it fails (this step once failed with no message at all); one retry, since
# the build servers left by earlier steps have failed a build here that passed when run again.
log="${CI_TOOLS:-/tmp}/fuzz-build.log"
if ! dotnet build src/Firebreak.Cli -c Release --nologo -v q > "$log" 2>&1; then
  echo "fuzz: the release build failed; its output, then one retry:"
  tail -30 "$log"
  dotnet build-server shutdown > /dev/null 2>&1 || true
  dotnet build src/Firebreak.Cli -c Release --nologo -v q
fi
echo "fuzz: release build ready"
python3 tools/hostile/fuzz.py --seconds "${FUZZ_SECONDS:-90}" --seed "${FUZZ_SEED:-15}"
