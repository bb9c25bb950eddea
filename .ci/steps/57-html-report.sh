#!/usr/bin/env bash
# The blast-radius report in a real browser: Debian's chromium, headless, loads the incident sample's report from
# file:// with networking off, and the DOM it built is checked (the Railway token reaches production's data and its
# backups, marked "does not survive"; the filter narrows and hides); a screenshot is kept under $CI_TOOLS/artefacts.
set -euo pipefail
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
out="${CI_TOOLS:?}/artefacts"
mkdir -p "$out"
report="$out/incident-report.html"
dotnet run --project src/Firebreak.Cli -c Release -- scan samples/incident --format html --output "$report" --fail-on none --quiet
browser=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --user-data-dir="$out/profile")
dom="$out/incident-report.dom.html"
timeout 120 "${browser[@]}" --dump-dom "file://$report" > "$dom" 2>/dev/null
fail() { echo "html report: $*"; exit 1; }
python3 - "$dom" "$out/filtered.dom.html" <<'PY' || fail "DOM assertions failed"
import sys
from html.parser import HTMLParser

class Tree(HTMLParser):
    """A small DOM: elements with attributes, children and text, as the browser serialised them."""
    def __init__(self):
        super().__init__(); self.root = {"tag": "#root", "attrs": {}, "children": [], "text": ""}; self.stack = [self.root]
    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
        self.stack[-1]["children"].append(node)
        if tag not in ("meta", "input", "br", "link", "img"): self.stack.append(node)
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag: del self.stack[i:]; break
    def handle_data(self, data): self.stack[-1]["text"] += data

def load(path):
    t = Tree(); t.feed(open(path, encoding="utf-8").read()); return t.root
def walk(n):
    yield n
    for c in n["children"]: yield from walk(c)
def text(n): return n["text"] + "".join(text(c) for c in n["children"])
def classes(n): return n["attrs"].get("class", "").split()
def find(n, cls, **attrs):
    return [x for x in walk(n) if cls in classes(x) and all(a in (x["attrs"].get(k) or "") for k, a in attrs.items())]

dom = load(sys.argv[1])
assert not [x for x in walk(dom) if x["tag"] in ("link", "img", "iframe") or (x["tag"] == "script" and "src" in x["attrs"])], "external asset"
token = find(dom, "credential", **{"data-credential": "RAILWAY_API_TOKEN"})
assert token, "no node for the Railway token"
production = find(token[0], "reach", **{"data-reach": "production"})
assert production, "the Railway token does not reach production"
stores = find(production[0], "datastore")
assert stores, "production has no data store under the token"
backups = find(stores[0], "backup")
assert backups and all(b["attrs"].get("data-survives") == "no" for b in backups), "production's backups are not marked as dying"
assert all("does not survive" in text(b) for b in backups), "no 'does not survive' label"
rows = find(dom, "item", **{"data-datastore": "pgdata"})
assert rows and "does not survive" in text(rows[0]), "the compose database's row does not say its backup dies with it"
print("html report: the Railway token reaches production's data store; its backups do not survive; the compose database's backup does not survive")
PY
# The filter, as a person uses it (through the #filter= link the report understands): only matching items stay.
timeout 120 "${browser[@]}" --dump-dom "file://$report#filter=FB2006" > "$out/filtered.dom.html" 2>/dev/null
python3 - "$out/filtered.dom.html" <<'PY' || fail "filter assertions failed"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
items = re.findall(r'<li class="finding item[^"]*"( hidden="")?[^>]*>.*?<span class="rule">(FB\d+)</span>', dom)
shown = [rule for hidden, rule in items if not hidden]
assert shown and set(shown) == {"FB2006"}, f"filter FB2006 shows {shown}"
assert re.search(r'items match', dom), "no status line for the filter"
print(f"html report: the filter FB2006 leaves {len(shown)} finding(s) of {len(items)} visible")
PY
timeout 120 "${browser[@]}" --window-size=1280,1600 --screenshot="$out/incident-report.png" "file://$report" >/dev/null 2>&1
[ -s "$out/incident-report.png" ] || fail "no screenshot"
echo "html report: screenshot at $out/incident-report.png"
