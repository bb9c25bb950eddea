#!/usr/bin/env bash
# Hostile input costs a note, never the machine: every shape of tools/hostile/shapes.py (alias bombs, 4 MiB one-line
# scripts, deep nesting, quadratic traps, ReDoS globs, odd file names…) at 1x and 4x, each scanned in its own process.
# Budgets are CPU seconds and peak RSS over an empty scan; the target on an idle 2-core machine is 1 s, CI allows 2 s
# so that a busy runner cannot fail it. The 16x run (files just under the 8 MiB size cap) is `tools/hostile/hostile.py`
# with no arguments. The linearity check allows 0.75 CPU s of noise: at 1x and 4x the growth is a few tenths of a second,
# and JIT and GC timing on a loaded runner moved one shape by 0.36 s between two runs (x1 measured below the baseline).
set -euo pipefail
dotnet build src/Firebreak.Cli -c Release --nologo -v q >/dev/null
python3 tools/hostile/hostile.py --scales 1,4 --time-budget "${HOSTILE_TIME_BUDGET:-2.0}" --noise "${HOSTILE_NOISE:-0.75}"
