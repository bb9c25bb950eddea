#!/usr/bin/env bash
# Builds the tool once (on a cache miss) into the tool folder: self-contained, so a warm run needs no .NET at all. It runs from the Action's own folder with the Action's global.json
# and NuGet.config, so the workspace's global.json, NuGet.config and MSBuild settings play no part.
set -euo pipefail
action_path="${GITHUB_ACTION_PATH:?}"
tool_dir="${FIREBREAK_TOOL_DIR:?}"
rid="${FIREBREAK_RID:?}"
cd "$action_path"
# Settings a workflow or runner may have exported for its own build, not ours.
unset MSBuildSDKsPath MSBUILD_EXE_PATH MSBuildExtensionsPath DOTNET_MSBUILD_SDK_RESOLVER_SDKS_DIR NUGET_PACKAGES 2>/dev/null || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
build_dir="${RUNNER_TEMP:?}/firebreak-build"
rm -rf "$tool_dir" "$build_dir"
start=$SECONDS
# Self-contained, JIT: the native (NativeAOT) publish needs a C toolchain and minutes on a cold cache; it is
# `dotnet publish -r <rid>` without PublishAot=false (README, "Native executable").
dotnet restore src/Firebreak.Cli/Firebreak.Cli.csproj --configfile action/NuGet.config -r "$rid" -p:SelfContained=true -p:PublishAot=false --verbosity quiet
dotnet publish src/Firebreak.Cli/Firebreak.Cli.csproj --no-restore -c Release -r "$rid" --self-contained -p:PublishAot=false \
  -p:DebugType=none -p:GenerateDocumentationFile=false -o "$build_dir" --verbosity quiet -nologo
# Only a complete build becomes the tool (a half-written folder must never be cached).
mv "$build_dir" "$tool_dir"
echo "Firebreak built in $((SECONDS - start)) s into $tool_dir"
