#!/usr/bin/env python3
"""Agreement of `firebreak guard` with the labelled command suites of two agent guards users install today.

Reads the peers' test data at run time from fetched copies (bare git directories or checkouts; nothing of theirs is
committed here), sends each labelled command to `firebreak guard` as a Claude Code PreToolUse Bash call, and reports:
  - destructive (their "deny"/assertBlocked): share we deny or ask          target >= 90 %
  - safe (their "allow"/assertAllowed):        share we deny (block)         target <= 3 %
Disagreements are listed, grouped under named reasons where we differ on purpose (see REASONS), else "unexplained".

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
]

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
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
