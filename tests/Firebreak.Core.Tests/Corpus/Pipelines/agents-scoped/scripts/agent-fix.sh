#!/usr/bin/env bash
# Lets an agent propose a fix; it asks before every command it has not been allowed.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
env CI=1 claude -p "fix the failing tests" --permission-mode acceptEdits --allowedTools "Bash(npm test)"
echo "never run: claude --dangerously-skip-permissions"
