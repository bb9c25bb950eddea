#!/usr/bin/env bash
# Same answer offline, in any order, under any thread count: SARIF of the same input is byte-identical whether the scan
# runs with 1 or 2 threads, with its files named in reverse order, or with no network at all (unshare -n). On the
# benchmark corpus when it is present (FIREBREAK_CORPUS, default /tmp/corpus), else on the repository's own test data.
set -euo pipefail
tools="${CI_TOOLS:?}"
dotnet build src/Firebreak.Cli -c Release --nologo -v q >/dev/null
fb="dotnet $(pwd)/src/Firebreak.Cli/bin/Release/net10.0/firebreak.dll"
target="${FIREBREAK_CORPUS:-/tmp/corpus}"
if [ ! -d "$target" ]; then
  echo "benchmark corpus absent at $target: using tests/ (build the corpus with ../shared/bench/build-corpus.sh for the full check)"
  target="$(pwd)/tests"
fi
run() { (cd "$target" && "$@" --format sarif --fail-on none --no-ignore -q) ; }
run $fb scan . --threads 1 > "$tools/det-1.sarif"
run $fb scan . --threads 2 > "$tools/det-2.sarif"
(cd "$target" && find . -type f -not -path './.git/*' | LC_ALL=C sort -r > "$tools/det-files.txt")
(cd "$target" && xargs -x -s 1500000 -d '\n' -a "$tools/det-files.txt" $fb scan --format sarif --fail-on none --no-ignore -q --threads 2 --) > "$tools/det-reverse.sarif"
(cd "$target" && find . -type f -not -path './.git/*' | LC_ALL=C sort | xargs -x -s 1500000 -d '\n' $fb scan --format sarif --fail-on none --no-ignore -q --threads 2 --) > "$tools/det-forward.sarif"
cmp "$tools/det-1.sarif" "$tools/det-2.sarif" || { echo "SARIF differs between 1 and 2 threads"; exit 1; }
cmp "$tools/det-forward.sarif" "$tools/det-reverse.sarif" || { echo "SARIF differs when the files are named in another order"; exit 1; }
if unshare -n true 2>/dev/null; then
  (cd "$target" && unshare -n $fb scan . --threads 2 --format sarif --fail-on none --no-ignore -q) > "$tools/det-offline.sarif"
  cmp "$tools/det-2.sarif" "$tools/det-offline.sarif" || { echo "SARIF differs without network"; exit 1; }
  echo "offline: identical"
else
  echo "offline check skipped: unshare -n is not permitted here"
fi
echo "determinism: identical SARIF for 1/2 threads and forward/reverse file order ($(grep -c '"ruleId"' "$tools/det-2.sarif") results on $target)"
