#!/usr/bin/env bash
# The README's install section, run as written (into a scratch folder instead of ~ and --tool-path instead of
# --global): pack both packages into a local feed, install the tool from it, and scan the sample with it.
set -euo pipefail
tools="${CI_TOOLS:?}"
feed="$tools/firebreak-feed"
dotnet pack src/Firebreak.Cli -c Release -o "$feed" -nologo -v q >/dev/null
dotnet pack src/Firebreak.Analyzers -c Release -o "$feed" -nologo -v q >/dev/null
NUGET_PACKAGES="$tools/install-packages" dotnet tool install --tool-path "$tools/firebreak-tool" Firebreak.Cli --version 0.1.0 --add-source "$feed" >/dev/null
"$tools/firebreak-tool/firebreak" --version
set +e
"$tools/firebreak-tool/firebreak" scan samples/incident -q >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || { echo "the installed tool should find the incident (exit 1), got exit $code"; exit 1; }
ls "$feed"
echo "install: both packages packed, the tool installed from the local feed and found the incident"
