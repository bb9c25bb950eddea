"""Hostile-input shapes: each one is a small repository (a folder of files) that a pull request could add.

Every shape is a function (scale) -> {relative path: bytes}. Scale 1 is the size the issue measured (or a size that
already hurt); the runner also builds 4x and 16x inputs of the scalable shapes to check that time grows linearly.
Deterministic: no randomness except a seeded generator where a shape needs variety.
"""
import json
import random

MiB = 1024 * 1024
UNIT = 500 * 1024  # scale 1; the runner also builds 4x and 16x (just under 8 MiB, the default max-file-size)
CONFIG_64MB = b"max-file-size: 64MB\n"


def alias_bomb(prefix: str, levels: int = 7, width: int = 10) -> str:
    lines = [f'a0: &a0 [{",".join(["lol"] * width)}]']
    for i in range(1, levels):
        lines.append(f'a{i}: &a{i} [{",".join([f"*a{i-1}"] * width)}]')
    return "\n".join(lines) + "\n" + prefix.replace("BOMB", f"*a{levels-1}") + "\n"


def gitlab_bomb(scale):
    return {".gitlab-ci.yml": alias_bomb("job: { script: BOMB }").encode()}


def gitlab_bomb_variables(scale):
    return {".gitlab-ci.yml": alias_bomb("job:\n  variables: { X: BOMB }\n  script: [echo]").encode()}


def workflow_bomb(scale):
    return {".github/workflows/ci.yml": alias_bomb("on: push\njobs:\n  b:\n    runs-on: x\n    steps: BOMB").encode()}


def compose_bomb(scale):
    return {"compose.yaml": alias_bomb("services: { a: { image: x, command: BOMB } }").encode()}


def package_json_bomb_free_words(scale):
    body = " ".join(["a"] * (UNIT * scale // 2))
    return {"package.json": json.dumps({"scripts": {"x": body}}).encode(), "firebreak.yml": CONFIG_64MB}


def package_json_rm_line(scale):
    body = " && ".join(["rm -rf /"] * (UNIT * scale // 11))
    return {"package.json": json.dumps({"scripts": {"x": body}}).encode(), "firebreak.yml": CONFIG_64MB}


def shell_word_per_line(scale):
    return {"a.sh": b"a\n" * (UNIT * scale)}


def shell_assignments(scale):
    return {"a.sh": b"FOO" + b" a=" * (UNIT * scale // 3) + b"\n"}


def shell_dashes(scale):
    return {"a.sh": b"x" + b" -" * (UNIT * scale // 2) + b"\n"}


def shell_test_and(scale):
    return {"a.sh": b"[[ a" + b" && a" * (UNIT * scale // 5) + b" ]]\n"}


def shell_psql_drops(scale):
    return {"a.sh": b'psql -c "' + b"DROP TABLE x; " * (UNIT * scale // 14) + b'"\n'}


def shell_pipes(scale):
    return {"a.sh": b"a" + b" | a" * (UNIT * scale // 4) + b"\n"}


def shell_nesting(scale):
    depth = 10_000 * scale
    return {"a.sh": b"$(" * depth + b"rm -rf /" + b")" * depth + b"\n"}


def shell_subshell_nesting(scale):
    depth = 10_000 * scale
    return {"a.sh": b"(" * depth + b"echo" + b")" * depth + b"\n"}


# One hostile file per shape: the budgets are per file (issue 15), and a folder of them is checked for linear growth.
def shell_unterminated_quote(scale):
    return {"a.sh": b'rm -rf /tmp/x\necho "' + b"a " * (UNIT * scale // 2) + b"\n"}


def shell_unterminated_heredoc(scale):
    return {"b.sh": b"cat <<EOF\n" + b"line\n" * (UNIT * scale // 5)}


def shell_long_flags(scale):
    return {"a.sh": b"rm" + b" -rf" * (UNIT * scale // 4) + b" /\n"}


def shell_nul_line2(scale):
    return {"a.sh": b"#!/bin/sh\nx=\x00\nrm -rf /\n"}


def dockerfile_huge_run(scale):
    return {"Dockerfile": b"FROM x\nRUN " + b"a && " * (UNIT * scale // 5) + b"true\n"}


def yaml_nesting(scale):
    depth = 10_000 * scale
    return {".github/workflows/deep.yml": b"a: " + b"[" * depth + b"]" * depth + b"\n"}


def yaml_block_nesting(scale):
    depth = 2_000 * scale
    text = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v\n"
    return {"deep.yaml": text.encode()}


def json_nesting(scale):
    depth = 10_000 * scale
    return {".vscode/mcp.json": b"[" * depth + b"]" * depth, "package.json": b'{"scripts":' + b"[" * depth + b"]" * depth + b"}"}


def json_lone_surrogate(scale):
    return {"package.json": b'{"x": "\\ud800", "scripts": {"reset": "rm -rf /"}}'}


def hcl_nesting(scale):
    depth = 10_000 * scale
    return {"main.tf": b"locals { a = " + b"[" * depth + b"]" * depth + b" }\n"}


def hcl_paren_nesting(scale):
    depth = 10_000 * scale
    return {"main.tf": b"locals { a = " + b"(" * depth + b"1" + b")" * depth + b" }\n"}


def hcl_unterminated_template(scale):
    return {"main.tf": b'resource "aws_db_instance" "a" {\n  skip_final_snapshot = true\n  x = "${' + b"a " * (UNIT * scale // 2)}


def hcl_unterminated_heredoc(scale):
    return {"b.tf": b"locals { a = <<EOT\n" + b"x\n" * (UNIT * scale // 2)}


def hcl_format_amplify(scale):
    lines = ['locals {', f'  l0 = "{"a" * 100}"']
    for i in range(1, 9):
        lines.append(f'  l{i} = format("{"%s" * 10}", {", ".join([f"local.l{i-1}"] * 10)})')
    lines.append("}")
    lines.append('resource "aws_db_instance" "a" {\n  identifier = local.l8\n  skip_final_snapshot = true\n}')
    # A rule that reads the value forces the evaluation (before the string cap: 33 s and 8 GB).
    lines.append('resource "aws_db_instance" "b" {\n  identifier = "b"\n  skip_final_snapshot = length(local.l8) > 0\n}')
    return {"main.tf": "\n".join(lines).encode()}


def hcl_huge_range(scale):
    return {"main.tf": b'resource "aws_db_instance" "a" {\n  count = 100000000\n  skip_final_snapshot = true\n}\nlocals {\n  r = [for i in range(100000000) : i]\n  s = { for i in range(1000000) : i => i }\n}\n'}


def hcl_module_cycle(scale):
    return {
        "main.tf": b'module "a" {\n  source = "./a"\n}\n',
        "a/main.tf": b'module "b" {\n  source = "../b"\n  skip_final_snapshot = true\n}\n',
        "b/main.tf": b'module "a" {\n  source = "../a"\n}\nvariable "skip_final_snapshot" {}\nresource "aws_db_instance" "d" {\n  skip_final_snapshot = var.skip_final_snapshot\n}\n',
    }


def hcl_recursive_templatefile(scale):
    template = ("${x} " * (200 * 1024 * scale // 5)).encode()
    main = b'locals {\n' + b"".join(f'  t{i} = templatefile("${{path.module}}/t.tpl", {{ x = "a" }})\n'.encode() for i in range(3)) + b"}\n"
    rec = b'locals { r = templatefile("${path.module}/r.tpl", {}) }\n'
    return {"main.tf": main, "t.tpl": template, "rec.tf": rec, "r.tpl": b'${templatefile("r.tpl", {})}\n'}


def hcl_regex_replace(scale):
    return {"main.tf": ('locals {\n  v = replace("' + "a" * 40 + '!", "/(a+)+$/", "b")\n}\nresource "aws_db_instance" "a" {\n  identifier = local.v\n  skip_final_snapshot = true\n}\n').encode()}


def dotenv_keys(scale):
    rnd = random.Random(15)
    lines = []
    for i in range(20_000 * scale):
        key = "AKIA" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
        lines.append(f"AWS_ACCESS_KEY_ID_{i}={key}")
    return {".env": ("\n".join(lines) + "\n").encode()}


def graphql_wide(scale):
    fields = " ".join(f"f{i}: volumeDelete(volumeId: \\\"v{i}\\\")" for i in range(1000 * scale))
    return {"reset.sh": ('curl -X POST https://backboard.railway.app/graphql/v2 -d "{\\"query\\": \\"mutation { ' + fields + ' }\\"}"\n').encode()}


def graphql_deep(scale):
    depth = 62 * scale
    q = "query { " + "a { " * depth + "b" + " }" * depth + " } mutation { volumeDelete(volumeId: \\\"v\\\") }"
    return {"reset.sh": ('curl -X POST https://backboard.railway.app/graphql/v2 -d "{\\"query\\": \\"' + q + '\\"}"\n').encode()}


def huge_line_yaml(scale):
    return {".github/workflows/a.yml": b"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo " + b"a" * (UNIT * scale) + b"\n"}


def many_findings_workflow(scale):
    steps = "".join(f"      - run: terraform destroy -auto-approve\n" for _ in range(20_000 * scale))
    return {".github/workflows/a.yml": ("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n" + steps).encode()}


def encodings(scale):
    text = 'resource "aws_db_instance" "a" {\n  skip_final_snapshot = true\n}\n'
    return {
        "utf16le-bom.tf": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be-bom.tf": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf16le-nobom.tf": text.encode("utf-16-le"),
        "latin1.sh": "echo caf\u00e9\nrm -rf /\n".encode("latin-1"),
        "mixed.sh": b"echo \xc3\xa9 \xe9\nrm -rf /\n",
        "cr-only.sh": b"echo a\rrm -rf /\recho b\r",
        "cr-only.tf": text.replace("\n", "\r").encode(),
    }


def ignore_redos(scale):
    return {".gitignore": b"*a*a*a*a*a*a*a*a*a*a*b\n", "firebreak.yml": b'exclude: ["*a*a*a*a*a*a*a*a*a*a*b"]\n', "a" * 60 + ".sh": b"rm -rf /\n"}


def odd_names(scale):
    return {"new\nline.sh": b"rm -rf /\n", "::error file=x::forged.sh": b"rm -rf /\n", "ctrl\x1b[31m.sh": b"rm -rf /\n", b"bad\xff\xfename.sh".decode("latin-1"): b"rm -rf /\n"}


def shell_curl_mutations(scale):
    # One curl whose GraphQL body holds thousands of destructive mutations: every match once, not once per match
    # times the command's length (the guard passed its 30 s deadline on 40,000 of them).
    fields = " ".join(f'a{i}: volumeDelete(volumeId: \\"v\\")' for i in range(4000 * scale))
    return {"a.sh": ("curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer $T' -d '{\"query\":\"mutation { " + fields + " }\"}'\n").encode()}


SHAPES = {
    "gitlab-alias-bomb": (gitlab_bomb, False),
    "gitlab-alias-bomb-variables": (gitlab_bomb_variables, False),
    "workflow-alias-bomb": (workflow_bomb, False),
    "compose-alias-bomb": (compose_bomb, False),
    "package-json-words": (package_json_bomb_free_words, True),
    "package-json-rm": (package_json_rm_line, True),
    "shell-word-per-line": (shell_word_per_line, True),
    "shell-assignments": (shell_assignments, True),
    "shell-dashes": (shell_dashes, True),
    "shell-test-and": (shell_test_and, True),
    "shell-psql-drops": (shell_psql_drops, True),
    "shell-pipes": (shell_pipes, True),
    "shell-nesting": (shell_nesting, True),
    "shell-subshell-nesting": (shell_subshell_nesting, True),
    "shell-unterminated-quote": (shell_unterminated_quote, True),
    "shell-unterminated-heredoc": (shell_unterminated_heredoc, True),
    "shell-long-flags": (shell_long_flags, True),
    "shell-nul-line2": (shell_nul_line2, False),
    "dockerfile-huge-run": (dockerfile_huge_run, True),
    "yaml-flow-nesting": (yaml_nesting, True),
    "yaml-block-nesting": (yaml_block_nesting, True),
    "json-nesting": (json_nesting, True),
    "json-lone-surrogate": (json_lone_surrogate, False),
    "hcl-nesting": (hcl_nesting, True),
    "hcl-paren-nesting": (hcl_paren_nesting, True),
    "hcl-unterminated-template": (hcl_unterminated_template, True),
    "hcl-unterminated-heredoc": (hcl_unterminated_heredoc, True),
    "hcl-format-amplify": (hcl_format_amplify, False),
    "hcl-huge-range": (hcl_huge_range, False),
    "hcl-module-cycle": (hcl_module_cycle, False),
    "hcl-recursive-templatefile": (hcl_recursive_templatefile, True),
    "hcl-regex-replace": (hcl_regex_replace, False),
    "dotenv-aws-keys": (dotenv_keys, True),
    "graphql-wide": (graphql_wide, True),
    "graphql-deep": (graphql_deep, False),
    "shell-curl-mutations": (shell_curl_mutations, True),
    "yaml-huge-line": (huge_line_yaml, True),
    "many-findings": (many_findings_workflow, True),
    "encodings": (encodings, False),
    "ignore-redos": (ignore_redos, False),
    "odd-names": (odd_names, False),
}
