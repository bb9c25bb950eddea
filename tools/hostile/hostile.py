#!/usr/bin/env python3
"""Hostile-input harness: generates every shape in shapes.py at 1x/4x/16x, scans each folder with the real CLI in its
own process, and checks the budgets a pull request must not be able to break:

  - the scan ends (exit 0 or 1, never 2/3, never the timeout), with its report;
  - CPU time (user + system) over the empty-folder baseline <= TIME_BUDGET (1 s by default) per shape;
  - peak RSS over the baseline <= RSS_BUDGET (100 MiB by default);
  - the report stays small (findings per rule per file are capped);
  - time grows linearly: (t16 - t0) <= 16 * (t1 - t0) * SLACK + NOISE for every scalable shape;
  - no output line can forge a workflow command (a file name with a newline is escaped).

Usage: hostile.py [--cli PATH] [--only NAME[,NAME]] [--scales 1,4,16] [--keep DIR]
Exit 0 when every check holds, 1 with a table of what failed. Whole-process and measured like a benchmark (median
of --repeat runs), not a unit test: run it as a separate step (.ci/steps/40-hostile.sh).
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shapes import SHAPES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def write_shape(folder, files):
    os.makedirs(folder, exist_ok=True)
    for rel, data in files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def run_measured(cli, folder, out, timeout):
    # Peak RSS through GNU time: a child forked from this (large) Python process would inherit its high-water mark.
    rss_file = out + ".rss"
    cmd = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss_file] + cli + ["scan", folder, "--format", "json", "-o", out, "--no-color"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder, start_new_session=True)
    deadline = start + timeout
    chunks = []
    # Read output without blocking the child, then reap it.
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    sel.register(proc.stderr, selectors.EVENT_READ)
    open_streams = 2
    timed_out = False
    while open_streams:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            break
        for key, _ in sel.select(timeout=min(remaining, 1.0)):
            data = key.fileobj.read1(65536)
            if not data:
                sel.unregister(key.fileobj)
                open_streams -= 1
            else:
                chunks.append(data)
    _, status, _ = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = None if timed_out else os.waitstatus_to_exitcode(status)
    peak, cpu = 0.0, wall
    try:
        with open(rss_file) as f:
            fields = f.read().strip().splitlines()[-1].split()
            peak = float(fields[0]) / 1024.0
            cpu = float(fields[1]) + float(fields[2])
    except (OSError, ValueError, IndexError):
        pass
    # CPU seconds (user + system), not wall time, are what the budgets compare: they do not grow when the machine is
    # busy with other work, so the harness gives the same verdict on a loaded CI runner.
    return code, cpu if code is not None else wall, peak, b"".join(chunks)


def measure(cli, folder, out, timeout, repeat):
    runs = [run_measured(cli, folder, out, timeout) for _ in range(repeat)]
    code = runs[0][0]
    if any(r[0] is None for r in runs):
        code = None
    wall = statistics.median(r[1] for r in runs)
    rss = max(r[2] for r in runs)
    return code, wall, rss, runs[0][3]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=None, help="command that runs firebreak (default: the Release build's firebreak.dll)")
    ap.add_argument("--only", default=None)
    ap.add_argument("--scales", default="1,4,16")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--time-budget", type=float, default=float(os.environ.get("HOSTILE_TIME_BUDGET", "1.0")))
    ap.add_argument("--rss-budget", type=float, default=float(os.environ.get("HOSTILE_RSS_BUDGET", "100")))
    ap.add_argument("--report-budget", type=int, default=2 * 1024 * 1024, help="max bytes of JSON report per shape")
    ap.add_argument("--slack", type=float, default=2.0, help="linearity slack factor")
    ap.add_argument("--noise", type=float, default=0.35, help="linearity absolute noise allowance, seconds")
    ap.add_argument("--keep", default=None)
    args = ap.parse_args()

    if args.cli:
        cli = args.cli.split()
    else:
        dll = os.path.join(ROOT, "src", "Firebreak.Cli", "bin", "Release", "net10.0", "firebreak.dll")
        if not os.path.exists(dll):
            subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Firebreak.Cli"), "-c", "Release", "-v", "q", "--nologo"], check=True)
        cli = ["dotnet", dll]

    scales = [int(s) for s in args.scales.split(",")]
    names = args.only.split(",") if args.only else list(SHAPES)
    work = args.keep or tempfile.mkdtemp(prefix="firebreak-hostile-")
    os.makedirs(work, exist_ok=True)

    empty = os.path.join(work, "empty")
    os.makedirs(empty, exist_ok=True)
    out = os.path.join(work, "report.json")
    measure(cli, empty, out, args.timeout, 1)  # warm the disk cache and the runtime
    _, base_wall, base_rss, _ = measure(cli, empty, out, args.timeout, 3)
    print(f"baseline (empty folder): {base_wall:.3f} CPU s, {base_rss:.0f} MiB")
    print()
    print("| shape | scale | input KiB | exit | cpu s | over base s | peak MiB | over base MiB | report KiB | notes | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")

    failures = []
    for name in names:
        make, scalable = SHAPES[name]
        times = {}
        for scale in (scales if scalable else [1]):
            folder = os.path.join(work, f"{name}-x{scale}")
            shutil.rmtree(folder, ignore_errors=True)
            files = make(scale)
            write_shape(folder, files)
            size = sum(len(v) for v in files.values())
            if os.path.exists(out):
                os.remove(out)
            code, wall, rss, console = measure(cli, folder, out, args.timeout, args.repeat)
            report_size = os.path.getsize(out) if os.path.exists(out) else 0
            notes = 0
            problems = []
            if code is None:
                problems.append(f"timed out after {args.timeout:.0f} s")
            elif code not in (0, 1):
                problems.append(f"exit {code}: {console.decode('utf-8', 'replace').strip().splitlines()[-1:] }")
            elif report_size == 0:
                problems.append("no report")
            else:
                with open(out, "rb") as f:
                    report = json.load(f)
                notes = sum(1 for x in report.get("findings", []) if x.get("ruleId") == "FB0001")
            over_t, over_m = wall - base_wall, rss - base_rss
            if code is not None and over_t > args.time_budget:
                problems.append(f"{over_t:.2f} s over the baseline (budget {args.time_budget} s)")
            if over_m > args.rss_budget:
                problems.append(f"{over_m:.0f} MiB over the baseline (budget {args.rss_budget:.0f} MiB)")
            if report_size > args.report_budget:
                problems.append(f"report is {report_size // 1024} KiB (budget {args.report_budget // 1024} KiB)")
            for line in console.splitlines():
                if line.startswith(b"::") and b"::" in line[2:]:
                    problems.append("console output holds a line that forges a workflow command")
                    break
            times[scale] = wall
            verdict = "ok" if not problems else "FAIL: " + "; ".join(problems)
            if problems:
                failures.append((name, scale, verdict))
            print(f"| {name} | {scale} | {size // 1024} | {code} | {wall:.3f} | {over_t:.3f} | {rss:.0f} | {over_m:.0f} | {report_size // 1024} | {notes} | {verdict} |", flush=True)
        if scalable and len(times) >= 2:
            lo, hi = min(times), max(times)
            grown = times[hi] - base_wall
            allowed = (hi / lo) * max(times[lo] - base_wall, 0.0) * args.slack + args.noise
            if grown > allowed:
                verdict = f"FAIL: not linear: x{lo} {times[lo] - base_wall:.3f} s, x{hi} {grown:.3f} s over the baseline (allowed {allowed:.3f})"
                failures.append((name, hi, verdict))
                print(f"| {name} | {lo}->{hi} | | | | | | | | | {verdict} |")

    print()
    if failures:
        print(f"{len(failures)} check(s) failed:")
        for name, scale, verdict in failures:
            print(f"  {name} x{scale}: {verdict}")
    else:
        print(f"every shape within budget ({len(names)} shapes)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
