#!/usr/bin/env bash
# Seeded mutation fuzzing of every parser and model through the CLI (tools/hostile/fuzz.py): the repository's samples
# and test data mutated (flips, deletions, syntax characters, splices, deep nesting, NUL, invalid UTF-8), scanned in
# batches; any exit other than 0/1 or an "internal error" note fails the step and keeps the mutant in
# tools/hostile/crashers/ (scanned first on every run after). Fixed seed: the same mutants in the same order every run.
set -euo pipefail
dotnet build src/Firebreak.Cli -c Release --nologo -v q >/dev/null
python3 tools/hostile/fuzz.py --seconds "${FUZZ_SECONDS:-90}" --seed "${FUZZ_SEED:-15}"
