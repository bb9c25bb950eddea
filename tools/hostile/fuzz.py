#!/usr/bin/env python3
"""Seeded mutation fuzzing of every parser and model, through the real CLI.

Seeds are the repository's own samples and test data (and the benchmark corpus when FIREBREAK_CORPUS names it). Each
round writes a batch of mutants — byte flips, deletions, insertions of syntax characters, duplicated or spliced chunks,
truncations, deep nesting, NUL bytes, invalid UTF-8 — under the seed's own name (so the same parser reads it), scans
the batch in one process, and checks the engine's promise: exit 0 or 1, a report, and no FB0001 "internal error" note.
A mutant that breaks it is saved under tools/hostile/crashers/ (commit it: every run scans that folder first, as a
regression input), and the run fails.

Usage: fuzz.py [--seconds 60] [--seed 15] [--batch 200] [--cli "dotnet path/firebreak.dll"]
Same seed, same mutants: a failure is reproduced with the seed and round it prints.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CRASHERS = os.path.join(HERE, "crashers")
EXTENSIONS = (".tf", ".tfvars", ".yml", ".yaml", ".sh", ".bash", ".json", ".jsonc", ".toml", ".rules", ".env", ".hcl", ".ps1", ".sql", "Dockerfile", "Makefile", "Taskfile.yml", "justfile")
SYNTAX = [b"{", b"}", b"[", b"]", b"(", b")", b"\"", b"'", b"`", b"$(", b"${", b"<<EOF\n", b"&", b"*", b"!", b"|", b";", b"\n", b"\t", b"#", b"\\", b":", b"- ", b"%{", b"}}", b"{{", b"\x00", b"\xff\xfe", b"\xc3", b"\r", b"&a ", b"*a ", b"<<: *a\n"]


def seeds(extra):
    found = []
    for base in [os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests")] + extra:
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d not in ("bin", "obj", "node_modules", "__snapshots__"))
            for name in sorted(files):
                if name.endswith(EXTENSIONS) or name in EXTENSIONS:
                    path = os.path.join(folder, name)
                    if os.path.getsize(path) <= 256 * 1024:
                        found.append(path)
    return found


def mutate(rng, data, other):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(9)
        at = rng.randint(0, len(data)) if data else 0
        if op == 0 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == 1 and data:
            end = min(len(data), at + rng.randint(1, 64))
            del data[at:end]
        elif op == 2:
            data[at:at] = rng.choice(SYNTAX) * rng.randint(1, 4)
        elif op == 3 and data:
            start = rng.randrange(len(data))
            chunk = data[start:start + rng.randint(1, 256)]
            data[at:at] = chunk * rng.randint(1, 16)
        elif op == 4 and other:
            start = rng.randrange(len(other))
            data[at:at] = other[start:start + rng.randint(1, 512)]
        elif op == 5:
            data = data[:at]
        elif op == 6:
            depth = rng.choice([50, 500, 5000])
            opener, closer = rng.choice([(b"[", b"]"), (b"{", b"}"), (b"(", b")"), (b"$(", b")"), (b"${", b"}")])
            data[at:at] = opener * depth + closer * rng.choice([0, depth])
        elif op == 7:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 8 and data:
            line = data.rfind(b"\n", 0, at) + 1
            data[line:line] = b" " * rng.randint(1, 9)
    return bytes(data)


def scan(cli, folder, out):
    cmd = cli + ["scan", folder, "--format", "json", "-o", out, "--no-color", "--no-ignore", "-q"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    problems = []
    if proc.returncode not in (0, 1):
        problems.append(("*", f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace').strip()[-400:]}"))
        return problems
    with open(out, "rb") as f:
        report = json.load(f)
    for finding in report.get("findings", []):
        if finding.get("ruleId") == "FB0001" and "internal error" in finding.get("message", ""):
            problems.append((finding.get("path"), finding.get("message")))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--cli", default=None)
    args = ap.parse_args()
    if args.cli:
        cli = args.cli.split()
    else:
        dll = os.path.join(ROOT, "src", "Firebreak.Cli", "bin", "Release", "net10.0", "firebreak.dll")
        if not os.path.exists(dll):
            subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Firebreak.Cli"), "-c", "Release", "-v", "q", "--nologo"], check=True)
        cli = ["dotnet", dll]

    work = tempfile.mkdtemp(prefix="firebreak-fuzz-")
    out = os.path.join(work, "report.json")
    failed = False
    if os.path.isdir(CRASHERS) and os.listdir(CRASHERS):
        problems = scan(cli, CRASHERS, out)
        for path, message in problems:
            print(f"regression input fails again: {path}: {message}")
        failed |= bool(problems)
        print(f"regression inputs: {len(os.listdir(CRASHERS))} folder(s), {'FAIL' if problems else 'ok'}")

    corpus = os.environ.get("FIREBREAK_CORPUS")
    pool = seeds([corpus] if corpus and os.path.isdir(corpus) else [])
    rng = random.Random(args.seed)
    contents = {}
    deadline = time.monotonic() + args.seconds
    rounds = mutants = 0
    while time.monotonic() < deadline and not failed:
        rounds += 1
        batch = os.path.join(work, f"round-{rounds}")
        os.makedirs(batch)
        written = {}
        for i in range(args.batch):
            seed_path = rng.choice(pool)
            if seed_path not in contents:
                with open(seed_path, "rb") as f:
                    contents[seed_path] = f.read()
            other = contents.get(rng.choice(pool), b"")
            mutant = mutate(rng, contents[seed_path], other)
            rel = os.path.relpath(seed_path, ROOT if seed_path.startswith(ROOT) else os.path.dirname(seed_path))
            target = os.path.join(batch, f"m{i:04d}", rel.replace("..", "_"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(mutant)
            written[os.path.relpath(target, batch).replace(os.sep, "/")] = target
        mutants += len(written)
        problems = scan(cli, batch, out)
        for path, message in problems:
            failed = True
            print(f"round {rounds} (seed {args.seed}): {path}: {message}")
            source = written.get(path)
            sources = [source] if source else list(written.values())
            os.makedirs(CRASHERS, exist_ok=True)
            for s in sources[:50]:
                keep = os.path.join(CRASHERS, f"seed{args.seed}-round{rounds}", os.path.relpath(s, batch))
                os.makedirs(os.path.dirname(keep), exist_ok=True)
                shutil.copyfile(s, keep)
                print(f"  kept as {os.path.relpath(keep, ROOT)}")
        shutil.rmtree(batch, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"fuzz: {rounds} rounds, {mutants} mutants of {len(pool)} seeds in {args.seconds:.0f} s budget: {'FAIL' if failed else 'no crash, no internal error'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
