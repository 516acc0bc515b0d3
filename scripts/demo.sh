#!/usr/bin/env bash
# README command 1: install what is needed, then run the demo on the embedded default runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node dist/src/cli/main.js demo "$@"
