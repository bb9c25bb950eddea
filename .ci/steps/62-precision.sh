#!/usr/bin/env bash
# Precision on real code (issue 14): scan the benchmark corpus and compare every finding with the reviewed labels in
# tools/precision/labels.tsv, so that a change that adds or drops a finding on real repositories shows up as a diff to
# review. The corpus is not in the repository: the step runs when FIREBREAK_CORPUS (or /work/corpus) is present and
# says so when it is not, so CI passes without it.
set -euo pipefail
corpus="${FIREBREAK_CORPUS:-/work/corpus}"
if [ ! -d "$corpus" ]; then
  echo "precision check skipped: no benchmark corpus at $corpus (set FIREBREAK_CORPUS to run it)"
  exit 0
fi
python3 tools/precision/precision.py --corpus "$corpus" --min-precision 0.97
