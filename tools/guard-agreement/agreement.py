#!/usr/bin/env python3
"""Agreement of `firebreak guard` with the labelled command suites of two agent guards users install today.

Reads the peers' test data at run time from fetched copies (bare git directories or checkouts; nothing of theirs is
committed here), sends each labelled command to `firebreak guard` as a Claude Code PreToolUse Bash call, and reports:
  - destructive (their "deny"/assertBlocked): share we deny or ask          target >= 90 %
  - safe (their "allow"/assertAllowed):        share we deny (block)         target <= 3 %
Disagreements are listed, grouped under named reasons where we differ on purpose (see REASONS), else "unexplained";
the shares count every labelled case, the ones we disagree with on purpose included. Exits 1 below a target.

  python3 tools/guard-agreement/agreement.py \
      --dcg /work/.mirror/Dicklesworthstone+destructive_command_guard/repo \
      --safety-net /work/.mirror/kenryu42+claude-code-safety-net/repo \
      --firebreak "dotnet src/Firebreak.Cli/bin/Release/net10.0/firebreak.dll" [--jobs 4] [--show 40]
"""
import argparse, concurrent.futures, json, os, re, subprocess, sys, tempfile, tomllib

# Where Firebreak disagrees with a peer on purpose. Each reason: (name, label it applies to, predicate on the command).
REASONS = [
    ("workspace-scratch: deleting build output or temp files inside the workspace is routine, not data loss", "destructive",
     lambda c: (re.search(r"\brm\b.*\s(\./)?(build|dist|target|node_modules|out|tmp|\.cache|coverage)\b", c) is not None
                or re.search(r"\brm\b.*\s(/tmp|/var/tmp|\$TMPDIR)/", c) is not None)
               and re.search(r"(\s|=)(/|~|\.\.|\*)(\s|/?$)", c) is None),
    ("not-a-data-store: the peer blocks a command that changes no persistent data (an image, a container, a branch pointer)", "destructive",
     lambda c: re.match(r"^\s*(docker (image|container|system|builder|network)|git (branch -[dD]|tag -d))", c) is not None),
    ("workspace-filtered-find: deleting files by name inside the working copy (`*.pyc`, `*.tmp`) is routine cleanup", "destructive",
     lambda c: re.match(r"^\s*(busybox\s+)?find\s+\.\s.*-(i?name|i?path)\s.*(-delete|-exec)", c) is not None),
    ("dry-run: the command is told to delete nothing (`git clean -n`)", "destructive",
     lambda c: re.match(r"^\s*git\s+clean\s+(-[a-zA-Z]*n|.*--dry-run)", c) is not None),
    ("not-executed: `command -v/-V` only prints what would run, and a first word that is not a valid assignment (`1A=2`) is the program bash tries to run, so git never starts", "destructive",
     lambda c: re.match(r"^\s*(command\s+-[a-zA-Z]*[vV]|\S*[^A-Za-z0-9_\s]\S*=\S*\s|\d\S*=\S*\s|=\S*\s)", c) is not None),
    ("inert-interpreter-code: the one-liner calls no API that deletes files or starts programs (`rm -rf /` is not JavaScript, Ruby or Perl that runs anything)", "destructive",
     lambda c: re.match(r"^\s*(node|ruby|perl|python3?)\s+-[ce]\s", c) is not None and re.search(r"rmSync|rmtree|unlink|system|exec|FileUtils|remove", c) is None),
    ("peer-unknown-cwd: the peer's test runs with no working directory and blocks every `rm -rf` conservatively; a relative path removed inside the working copy is the agent's own work", "destructive",
     lambda c: re.match(r"^\s*rm\s+-rf\s+\d+\s*>", c) is not None),
    ("written-list: the list is written in the line, so the code the shell gets is known (`echo ok | xargs -I{} bash -c {}` runs `bash -c ok`) and destroys nothing", "destructive",
     lambda c: re.match(r"^\s*echo\s+[A-Za-z0-9]+\s*\|\s*(xargs|parallel)\b.*\bbash\s+-c\b", c) is not None),
    ("case: an upper-case program name (`GIT`) runs only on case-insensitive file systems, not on the Linux runners and containers agents work in", "destructive",
     lambda c: re.match(r"^\s*[A-Z]{2,}\s", c) is not None),
    ("protected-branch-rewrite: a force push to the default branch rewrites its published history, lease or not; the guard denies it", "safe",
     lambda c: re.match(r"^\s*git\s+push\s+--force-with-lease\S*\s*(\S+\s+)?(main|master|refs/heads/(main|master))\b", c) is not None
               or re.match(r"^\s*git\s+push\s+--force-with-lease=refs/heads/(main|master)\s*$", c) is not None),
]

# Test files whose labels are not the peer's judgement of a command but of a configuration the test writes first
# (custom rules that block `git add -A` or `npm install -g`): they say nothing about what is destructive.
EXCLUDED_FILES = {
    "tests/core/rules-custom-integration.test.ts",
}

def git_files(repo, prefix, suffix):
    gitdir = repo if os.path.isdir(os.path.join(repo, "objects")) else os.path.join(repo, ".git")
    base = ["git", "-c", "core.fsmonitor=false", "--git-dir", gitdir]
    names = subprocess.run(base + ["ls-tree", "-r", "--name-only", "HEAD", prefix], capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        if name.endswith(suffix):
            yield name, subprocess.run(base + ["show", "HEAD:" + name], capture_output=True, text=True, check=True).stdout

def dcg_cases(repo):
    for name, text in git_files(repo, "tests/corpus", ".toml"):
        if "/edge_cases/" in name:
            continue  # "must not crash" cases carry no label
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue
        for case in data.get("case", []):
            command = case.get("command")
            expected = case.get("expected") or case.get("expected_decision")
            if not isinstance(command, str) or expected not in ("deny", "allow", "warn"):
                continue
            yield ("dcg", name, command, "destructive" if expected == "deny" else "safe")

LITERAL = r"""('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)"""
ASSERT = re.compile(r"assert(Blocked|Allowed)\(\s*" + LITERAL + r"\s*(,|\))")

def unquote(literal):
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)

def safety_net_cases(repo):
    for name, text in git_files(repo, "tests", ".test.ts"):
        if name in EXCLUDED_FILES:
            continue
        for match in ASSERT.finditer(text):
            kind, literal = match.group(1), match.group(2)
            yield ("safety-net", name, unquote(literal), "destructive" if kind == "Blocked" else "safe")

def decide(firebreak, workspace, command):
    payload = json.dumps({"session_id": "agreement", "hook_event_name": "PreToolUse", "cwd": workspace,
                          "tool_name": "Bash", "tool_input": {"command": command}})
    run = subprocess.run(firebreak + ["guard"], input=payload, capture_output=True, text=True, cwd=workspace, timeout=60)
    if run.returncode == 2:
        return "deny"  # Claude Code's blocking exit code
    out = run.stdout.strip()
    if not out:
        return "allow"
    try:
        answer = json.loads(out.splitlines()[-1])
    except json.JSONDecodeError:
        return "error"
    decision = (answer.get("hookSpecificOutput") or {}).get("permissionDecision") or answer.get("decision") or answer.get("permission")
    return {"block": "deny"}.get(decision, decision or "allow")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dcg", required=True)
    parser.add_argument("--safety-net", required=True)
    parser.add_argument("--firebreak", required=True, help="the command that runs firebreak, e.g. 'firebreak' or 'dotnet …/firebreak.dll'")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--show", type=int, default=25, help="unexplained disagreements to list per peer and label")
    args = parser.parse_args()
    # The guard runs in a throwaway workspace: paths in the command are taken from where this script is started.
    firebreak = [os.path.abspath(t) if os.path.exists(t) else t for t in args.firebreak.split()]

    cases = list(dcg_cases(args.dcg)) + list(safety_net_cases(args.safety_net))
    seen, unique = set(), []
    for case in cases:
        key = (case[0], case[2], case[3])
        if key not in seen:
            seen.add(key)
            unique.append(case)
    with tempfile.TemporaryDirectory() as workspace:
        subprocess.run(["git", "init", "-q", workspace], check=True)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            decisions = list(pool.map(lambda c: decide(firebreak, workspace, c[2]), unique))

    errors = sum(d == "error" for d in decisions)
    if errors:
        print(f"{errors} cases got no readable answer from the guard", file=sys.stderr)
    print("| peer | label | cases | denied | asked | allowed | caught (deny+ask) / blocked (deny) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    failed = False
    for peer in ("dcg", "safety-net"):
        for label in ("destructive", "safe"):
            rows = [(c, d) for c, d in zip(unique, decisions) if c[0] == peer and c[3] == label]
            if not rows:
                continue
            deny = sum(d == "deny" for _, d in rows)
            ask = sum(d == "ask" for _, d in rows)
            allow = len(rows) - deny - ask
            if label == "destructive":
                share = (deny + ask) / len(rows)
                verdict = f"caught {share:.1%} (target >= 90 %)"
                failed |= share < 0.90
            else:
                share = deny / len(rows)
                verdict = f"blocked {share:.1%} (target <= 3 %)"
                failed |= share > 0.03
            print(f"| {peer} | {label} | {len(rows)} | {deny} | {ask} | {allow} | {verdict} |")
    print()
    for peer in ("dcg", "safety-net"):
        for label, wrong in (("destructive", lambda d: d not in ("deny", "ask")), ("safe", lambda d: d == "deny")):
            misses = [c for c, d in zip(unique, decisions) if c[0] == peer and c[3] == label and wrong(d)]
            if not misses:
                continue
            explained = {}
            unexplained = []
            for case in misses:
                reason = next((name for name, applies, test in REASONS if applies == label and test(case[2])), None)
                if reason:
                    explained.setdefault(reason, []).append(case)
                else:
                    unexplained.append(case)
            print(f"## {peer}: {label} commands we {'let through' if label == 'destructive' else 'block'} ({len(misses)})")
            for reason, items in explained.items():
                print(f"- on purpose, {reason}: {len(items)} (e.g. `{items[0][2]}`)")
            print(f"- unexplained: {len(unexplained)}")
            for case in unexplained[: args.show]:
                print(f"    {case[2]!r}  ({case[1]})")
    asked = [c for c, d in zip(unique, decisions) if c[3] == "safe" and d == "ask"]
    if asked:
        print(f"## safe commands we ask about (not blocked: the user answers) ({len(asked)})")
        for case in asked[: args.show]:
            print(f"    {case[2]!r}  ({case[0]}: {case[1]})")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
