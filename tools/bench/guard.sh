#!/usr/bin/env bash
# tools/bench/guard.sh - how long one guard decision takes, whole process, in every agent's protocol.
#
# Publishes the native executable (or takes --cli), writes the hook payloads of Claude Code, Cursor, Gemini CLI and
# Codex for a safe command, the incident's volumeDelete call, a local-work destroyer, an MCP delete and a file write,
# checks each answer, then times each payload with hyperfine (default mode: it runs the command through a shell and
# subtracts the shell's own start, so the figure is the firebreak process: start, read the payload, decide, answer) and
# prints a markdown table of medians. The load average is printed with it: on a busy machine wall times mean little.
#
# Usage: tools/bench/guard.sh [--cli PATH] [--runs N] [--out DIR] [--max-median-ms MS]
#   --cli PATH          the executable to time (default: dotnet publish -r linux-x64 into DIR/native)
#   --runs N            timed runs per payload (default 60, after 5 warm-ups)
#   --out DIR           payloads, the hyperfine export and the table (default /tmp/firebreak-guard-bench)
#   --max-median-ms MS  exit 1 when a median is above MS (default: report only)
set -euo pipefail
export LC_ALL=C
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CLI=
RUNS=60
OUT=/tmp/firebreak-guard-bench
MAX=
while [ $# -gt 0 ]; do
  case $1 in
    --cli) CLI=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --max-median-ms) MAX=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v hyperfine > /dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ -z "$CLI" ]; then
  echo "== dotnet publish src/Firebreak.Cli -c Release -r linux-x64" >&2
  dotnet publish "$REPO/src/Firebreak.Cli" -c Release -r linux-x64 -o "$OUT/native" -nologo > "$OUT/publish.log" 2>&1 \
    || { tail -20 "$OUT/publish.log" >&2; exit 1; }
  CLI=$OUT/native/firebreak
fi
CLI=$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")

# A workspace of its own, with no firebreak.yml: the defaults apply.
WORK=$OUT/workspace
rm -rf "$WORK" "$OUT/payloads"
mkdir -p "$WORK" "$OUT/payloads"
# name|agent|expected answer (allow = no output)|payload (JSON, $WORK substituted)
python3 - "$WORK" "$OUT/payloads" <<'PY'
import json, sys
work, out = sys.argv[1], sys.argv[2]
ls = "ls -la src"
delete = 'curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $RAILWAY_API_TOKEN" -d \'{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}\''
reset = "git reset --hard HEAD~3"
workflow = "on: push\njobs:\n  reset:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform destroy -auto-approve\n"
def claude(tool, inp): return {"session_id": "s", "transcript_path": "/tmp/t.jsonl", "cwd": work, "permission_mode": "default", "hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": inp, "tool_use_id": "toolu_1"}
def codex(tool, inp): return {"session_id": "s", "turn_id": "1", "cwd": work, "hook_event_name": "PreToolUse", "model": "gpt-5-codex", "tool_name": tool, "tool_input": inp, "tool_use_id": "call_1"}
def gemini(tool, inp): return {"session_id": "s", "cwd": work, "hook_event_name": "BeforeTool", "timestamp": "2026-12-04T00:00:00.000Z", "tool_name": tool, "tool_input": inp}
def cursor_shell(cmd): return {"conversation_id": "c", "generation_id": "g", "hook_event_name": "beforeShellExecution", "workspace_roots": [work], "command": cmd, "cwd": work}
def cursor_mcp(server, tool, args, command): return {"conversation_id": "c", "generation_id": "g", "hook_event_name": "beforeMCPExecution", "workspace_roots": [work], "tool_name": tool, "tool_input": json.dumps(args), "mcp_server_name": server, "command": command}
cases = [
    ("claude-ls", "claude", "allow", claude("Bash", {"command": ls})),
    ("claude-volumeDelete", "claude", "deny", claude("Bash", {"command": delete})),
    ("claude-git-reset", "claude", "ask", claude("Bash", {"command": reset})),
    ("claude-mcp-neon-delete", "claude", "deny", claude("mcp__neon__delete_project", {"projectId": "p"})),
    ("claude-write-workflow", "claude", "deny", claude("Write", {"file_path": work + "/.github/workflows/reset.yml", "content": workflow})),
    ("cursor-ls", "cursor", "allow", cursor_shell(ls)),
    ("cursor-volumeDelete", "cursor", "deny", cursor_shell(delete)),
    ("cursor-mcp-supabase-drop", "cursor", "ask", cursor_mcp("supabase", "execute_sql", {"query": "DROP TABLE orders"}, "npx -y @supabase/mcp-server-supabase")),
    ("gemini-ls", "gemini", "allow", gemini("run_shell_command", {"command": ls})),
    ("gemini-volumeDelete", "gemini", "deny", gemini("run_shell_command", {"command": delete})),
    ("codex-ls", "codex", "allow", codex("Bash", {"command": ls})),
    ("codex-volumeDelete", "codex", "deny", codex("Bash", {"command": delete})),
]
with open(out + "/cases.tsv", "w") as index:
    for name, agent, expected, payload in cases:
        with open(f"{out}/{name}.json", "w") as f: json.dump(payload, f)
        index.write(f"{name}\t{agent}\t{expected}\n")
PY

# Every answer is checked before anything is timed: a fast wrong answer is not a result.
answer_of() {
  local text=$1
  case $text in
    ""|"{}") echo allow ;;
    *'"permissionDecision":"deny"'*|*'"permission":"deny"'*|*'"decision":"deny"'*|*'"decision":"block"'*) echo deny ;;
    *'"permissionDecision":"ask"'*|*'"permission":"ask"'*|*'"decision":"ask"'*) echo ask ;;
    *'"permission":"allow"'*|*'"decision":"allow"'*) echo allow ;;
    *) echo "unknown: ${text:0:120}" ;;
  esac
}
commands=()
names=()
while IFS=$'\t' read -r name agent expected; do
  set +e
  text=$("$CLI" guard --agent "$agent" < "$OUT/payloads/$name.json" 2> /dev/null)
  set -e
  got=$(answer_of "$text")
  [ "$got" = "$expected" ] || { echo "$name: expected $expected, got $got" >&2; exit 1; }
  names+=("$name")
  commands+=("'$CLI' guard --agent $agent < '$OUT/payloads/$name.json'")
done < "$OUT/payloads/cases.tsv"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine --warmup 5 --runs "$RUNS" -i --export-json "$OUT/guard.json" "${commands[@]}" > "$OUT/hyperfine.log" 2>&1 \
  || { tail -20 "$OUT/hyperfine.log" >&2; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$OUT/guard.json" "$OUT/payloads/cases.tsv" "${MAX:-}" "$load_before" "$load_after" "$RUNS" <<'PY' | tee "$OUT/table.md"
import json, sys, platform, os
results = json.load(open(sys.argv[1]))["results"]
cases = [line.rstrip("\n").split("\t") for line in open(sys.argv[2])]
limit = float(sys.argv[3]) if sys.argv[3] else None
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"Guard decision, whole process, native executable: median (and min–max) of {sys.argv[6]} runs after 5 warm-ups; "
      f"{os.cpu_count()} cores, {cpu}; load average {sys.argv[4]} before, {sys.argv[5]} after.\n")
print("| payload | agent | answer | median ms | min ms | max ms |")
print("| --- | --- | --- | ---: | ---: | ---: |")
worst = 0.0
for (name, agent, expected), r in zip(cases, results):
    median = r["median"] * 1000
    worst = max(worst, median)
    print(f"| {name} | {agent} | {expected} | {median:.1f} | {r['min'] * 1000:.1f} | {r['max'] * 1000:.1f} |")
print(f"\nslowest median: {worst:.1f} ms")
if limit is not None and worst > limit:
    print(f"a median is above {limit} ms", file=sys.stderr)
    sys.exit(1)
PY
