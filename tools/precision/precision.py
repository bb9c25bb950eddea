#!/usr/bin/env python3
"""Precision check on the benchmark corpus (issue 14).

Scans the corpus with the CLI and compares every finding with the reviewed list in labels.tsv (rule, path, line,
verdict, note; paths relative to the corpus root). The list holds labels only, never corpus content.

  verdict  right  the finding is true and worth acting on
           noise  true, but not worth a user's time where it stands (a sample, a placeholder)
           wrong  the claim is false

A finding with no label is new: it is printed for review and the check fails. A label whose finding is gone is printed
too: losing a `right` finding fails the check (a signal lost), losing a `wrong` or `noise` one is reported as fixed.
Precision is right / (all labelled findings present). `--write-new` appends the new findings as `unreviewed` so that
they can be read and given a verdict.

Usage: tools/precision/precision.py [--corpus DIR] [--report FILE.json] [--min-precision 0.97] [--write-new]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VERDICTS = ("right", "noise", "wrong", "unreviewed")


def load_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[3] not in VERDICTS:
                sys.exit(f"{path}:{number}: expected rule<TAB>path<TAB>line<TAB>verdict<TAB>note")
            key = (parts[0], parts[1], int(parts[2]))
            if key in labels:
                sys.exit(f"{path}:{number}: {key} is labelled twice")
            labels[key] = (parts[3], parts[4] if len(parts) > 4 else "")
    return labels


def scan(corpus, report):
    if report:
        with open(report, encoding="utf-8") as f:
            return json.load(f)["findings"]
    subprocess.run(["dotnet", "build", os.path.join(REPO, "src/Firebreak.Cli"), "-c", "Release", "--nologo", "-v", "q"],
                   check=True, stdout=subprocess.DEVNULL)
    cli = os.path.join(REPO, "src/Firebreak.Cli/bin/Release/net10.0/firebreak.dll")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "corpus.json")
        # Run from the corpus root so that paths are corpus-relative; exit 1 only means "there are findings".
        run = subprocess.run(["dotnet", cli, "scan", ".", "--format", "json", "-o", out, "--fail-on", "none"], cwd=corpus)
        if run.returncode != 0:
            sys.exit(f"scan failed with exit code {run.returncode}")
        with open(out, encoding="utf-8") as f:
            return json.load(f)["findings"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("FIREBREAK_CORPUS", "/work/corpus"))
    parser.add_argument("--labels", default=os.path.join(HERE, "labels.tsv"))
    parser.add_argument("--report", help="compare this JSON report instead of scanning")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--write-new", action="store_true", help="append unlabelled findings as `unreviewed`")
    args = parser.parse_args()
    if not args.report and not os.path.isdir(args.corpus):
        sys.exit(f"corpus not found at {args.corpus} (set FIREBREAK_CORPUS)")

    labels = load_labels(args.labels)
    findings = scan(args.corpus, args.report)
    present = collections.Counter((f["ruleId"], f["path"][2:] if f["path"].startswith("./") else f["path"], f["startLine"]) for f in findings)

    new = sorted(k for k in present if k not in labels)
    gone = sorted(k for k in labels if k not in present)
    counts = collections.defaultdict(collections.Counter)
    for key in present:
        verdict = labels.get(key, ("unreviewed", ""))[0]
        counts[key[0]][verdict] += present[key]

    print(f"{sum(present.values())} findings on {args.corpus}; {len(labels)} labels")
    print(f"{'rule':8} {'right':>6} {'noise':>6} {'wrong':>6} {'new':>6}")
    for rule in sorted(counts):
        c = counts[rule]
        print(f"{rule:8} {c['right']:6} {c['noise']:6} {c['wrong']:6} {c['unreviewed']:6}")
    total = collections.Counter()
    for c in counts.values():
        total.update(c)
    judged = total["right"] + total["noise"] + total["wrong"]
    precision = total["right"] / judged if judged else 1.0
    print(f"precision (right / labelled present): {precision:.1%} ({total['right']} of {judged}); "
          f"{total['noise']} noise, {total['wrong']} wrong, {total['unreviewed']} unreviewed")

    failed = False
    for key in new:
        print(f"NEW      {key[0]} {key[1]}:{key[2]} (no label: read it and add a verdict)")
        failed = True
    for key in gone:
        verdict, note = labels[key]
        if verdict == "right":
            print(f"LOST     {key[0]} {key[1]}:{key[2]} was right ({note})")
            failed = True
        elif verdict in ("wrong", "noise"):
            print(f"FIXED    {key[0]} {key[1]}:{key[2]} was {verdict} ({note})")
        else:
            print(f"GONE     {key[0]} {key[1]}:{key[2]} (unreviewed)")
    if args.write_new and new:
        with open(args.labels, "a", encoding="utf-8") as f:
            for key in new:
                f.write(f"{key[0]}\t{key[1]}\t{key[2]}\tunreviewed\t\n")
        print(f"appended {len(new)} unreviewed labels to {args.labels}")
    if precision < args.min_precision:
        print(f"precision {precision:.1%} is below {args.min_precision:.0%}")
        failed = True
    print("precision check: " + ("differences to review" if failed else "every finding matches its label"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
