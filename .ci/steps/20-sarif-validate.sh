#!/usr/bin/env bash
# Microsoft SARIF Multitool, rule kinds Sarif;Gh, on the sample's SARIF: no errors, no warnings.
set -euo pipefail
tools="${CI_TOOLS:?}"
npm install --silent --no-audit --no-fund --prefix "$tools" @microsoft/sarif-multitool@5.7.0 >/dev/null
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
chmod +x "$multitool"
dotnet run --project src/Firebreak.Cli -c Release -- scan samples/incident --format sarif --output "$tools/incident.sarif" --fail-on none
"$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning" --output "$tools/validation.sarif" "$tools/incident.sarif" >/dev/null
problems=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).runs[0].results||[];for(const x of r)console.log(`${x.level} ${x.ruleId}: ${JSON.stringify(x.message.arguments||x.message.text)}`);' "$tools/validation.sarif")
if [ -n "$problems" ]; then
  echo "SARIF validation found problems:"; echo "$problems"; exit 1
fi
echo "SARIF validation: no errors, no warnings"
