#!/usr/bin/env bash
# Firebreak on its own repository (firebreak.yml leaves out the deliberately bad test data).
set -euo pipefail
dotnet run --project src/Firebreak.Cli -c Release -- scan . --fail-on warning
