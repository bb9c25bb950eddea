#!/usr/bin/env bash
# Firebreak on its own repository (firebreak.yml leaves out the deliberately bad test data).
set -euo pipefail
# The test suite leaves the tree buildable offline (no test rewrites src/*/obj; the package test restores elsewhere).
dotnet build src/Firebreak.Cli --no-restore -nologo -v q
dotnet run --project src/Firebreak.Cli -c Release -- scan . --fail-on warning
