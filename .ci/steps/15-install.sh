#!/usr/bin/env bash
# The README's install section, run as written (into a scratch folder instead of ~ and --tool-path instead of
# --global): pack the tool (the pointer package, the framework-dependent `any` package and this platform's NativeAOT
# package) and the analyzers into a local feed, install the tool from it, check that what was installed on linux-x64 is
# the native executable, and scan the sample with it. The native pack's log is kept for 45-native.sh, which checks it
# and compares the installed executable with the framework-dependent build instead of compiling it a second time.
set -euo pipefail
tools="${CI_TOOLS:?}"
feed="$tools/firebreak-feed"
dotnet pack src/Firebreak.Cli -c Release -p:NativeToolPackages=true -o "$feed" -nologo -v q >/dev/null
dotnet pack src/Firebreak.Cli -c Release -p:NativeToolPackages=true -r any -o "$feed" -nologo -v q >/dev/null
if ! dotnet pack src/Firebreak.Cli -c Release -p:NativeToolPackages=true -r linux-x64 -o "$feed" -nologo > "$tools/native-publish.log" 2>&1; then
  tail -30 "$tools/native-publish.log"
  echo "the linux-x64 (NativeAOT) tool package failed to pack"
  exit 1
fi
dotnet pack src/Firebreak.Analyzers -c Release -o "$feed" -nologo -v q >/dev/null
NUGET_PACKAGES="$tools/install-packages" dotnet tool install --tool-path "$tools/firebreak-tool" Firebreak.Cli --version 0.1.0 --add-source "$feed" >/dev/null
"$tools/firebreak-tool/firebreak" --version
file -L "$tools/firebreak-tool/firebreak" | grep -q "ELF 64-bit" || { echo "the installed tool is not the native executable: $(file -L "$tools/firebreak-tool/firebreak")"; exit 1; }
set +e
"$tools/firebreak-tool/firebreak" scan samples/incident -q >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || { echo "the installed tool should find the incident (exit 1), got exit $code"; exit 1; }
# The framework-dependent package is what every other platform installs: it must run on its own too.
NUGET_PACKAGES="$tools/install-packages" dotnet tool install --tool-path "$tools/firebreak-any" Firebreak.Cli.any --version 0.1.0 --add-source "$feed" >/dev/null 2>&1 \
  || { echo "the framework-dependent package (Firebreak.Cli.any) does not install"; exit 1; }
set +e
"$tools/firebreak-any/firebreak" scan samples/incident -q >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || { echo "the framework-dependent tool should find the incident (exit 1), got exit $code"; exit 1; }
ls "$feed"
echo "install: tool packages (pointer, any, linux-x64 native) and analyzers packed, the native tool installed from the local feed and found the incident"
