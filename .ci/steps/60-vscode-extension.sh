#!/usr/bin/env bash
# The VS Code extension: compile, unit tests, the language server driven by VS Code's own protocol client library over
# the stdio of a real `firebreak lsp`, then the .vsix packaged with @vscode/vsce and its contents checked.
set -euo pipefail
root="$(pwd)"
dotnet build src/Firebreak.Cli -c Release --nologo -v q >/dev/null
cd editors/vscode
npm ci --silent --no-audit --no-fund >/dev/null
npm run --silent compile
result=$(FIREBREAK_LSP="dotnet $root/src/Firebreak.Cli/bin/Release/net10.0/firebreak.dll" FIREBREAK_SAMPLE="$root/samples/incident" node --test out/test/ 2>&1) || { echo "$result"; exit 1; }
grep -E "^# (pass|fail|skipped)" <<<"$result"
grep -q "^# skipped 0" <<<"$result" || { echo "the LSP client test was skipped"; exit 1; }
npm run --silent package >/dev/null
mkdir -p "$root/artifacts"
mv firebreak.vsix "$root/artifacts/firebreak.vsix"
contents=$(unzip -l "$root/artifacts/firebreak.vsix")
for expected in extension/package.json extension/out/extension.js extension/readme.md extension/LICENSE.md; do
  grep -q " $expected\$" <<<"$contents" || { echo "the .vsix lacks $expected"; echo "$contents"; exit 1; }
done
if grep -qE " extension/(node_modules|src)/" <<<"$contents"; then echo "the .vsix carries sources or node_modules"; echo "$contents"; exit 1; fi
node -e 'const p=require("./package.json"); if (p.main !== "./out/extension.js" || !p.contributes.configuration.properties["firebreak.path"]) process.exit(1)'
echo "VS Code extension: artifacts/firebreak.vsix ($(stat -c %s "$root/artifacts/firebreak.vsix") bytes)"
