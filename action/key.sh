#!/usr/bin/env bash
# The Action's first step: where the built tool lives (outside the workspace) and the cache key that names it.
# The key is the Action's ref, the runner's OS and architecture, the SDK band and a hash of the tool's sources, so a
# new version of the Action (or a local `uses: ./` with edited sources) builds once, and every later run restores.
set -euo pipefail
action_path="${GITHUB_ACTION_PATH:?}"
case "${RUNNER_OS:-Linux}-${RUNNER_ARCH:-X64}" in
  Linux-X64) rid=linux-x64 ;;
  Linux-ARM64) rid=linux-arm64 ;;
  macOS-ARM64) rid=osx-arm64 ;;
  macOS-X64) rid=osx-x64 ;;
  Windows-X64) rid=win-x64 ;;
  Windows-ARM64) rid=win-arm64 ;;
  *) echo "::error title=Firebreak tool failure::no build of Firebreak for ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}"; exit 2 ;;
esac
sdk_band=$(sed -n 's/.*"version": *"\([0-9]*\.[0-9]*\)\..*/\1/p' "$action_path/global.json" | head -1)
# Sources, catalogues, rule pages and build files: everything that goes into the binary, in a stable order.
sources_hash=$(cd "$action_path" && find src/Firebreak.Core src/Firebreak.Cli rules global.json Directory.Build.props Directory.Packages.props action/NuGet.config \
  -type f ! -path '*/bin/*' ! -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
ref="${FIREBREAK_ACTION_REF:-local}"
ref="${ref//[^A-Za-z0-9._-]/_}"
tool_dir="${RUNNER_TEMP:?}/firebreak-tool"
{
  echo "rid=$rid"
  echo "tool-dir=$tool_dir"
  echo "key=firebreak-tool-v1-${RUNNER_OS:-Linux}-${RUNNER_ARCH:-X64}-$rid-sdk$sdk_band-$ref-$sources_hash"
} >> "${GITHUB_OUTPUT:?}"
